package dev.crm.command.web;

import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.VersionMismatchException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code If-Match} header into the version a write expects. If-Match compares strongly
 * (RFC 9110, 13.1.1), so only a strong, quoted entity tag such as {@code "3"} (or {@code *}, any version)
 * can hold; a weak tag ({@code W/"3"}) or one that is no version of ours can never match: 412. Anything
 * that is not an entity tag at all, or several of them, is a malformed request: 400.
 */
public final class IfMatch {

    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"([\\x21\\x23-\\x7E]*)\"");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

    private IfMatch() {
    }

    /** The expected version, or {@code null} when there is no precondition. */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.equals("*")) {
            return null;
        }
        Matcher tag = ENTITY_TAG.matcher(value);
        if (!tag.matches()) {
            throw new InvalidRequestException("If-Match",
                    "must be one quoted entity tag, as the ETag header gives it (\"3\"), or *");
        }
        if (tag.group(1) != null || !VERSION.matcher(tag.group(2)).matches()) {
            throw new VersionMismatchException(value);
        }
        return Long.parseLong(tag.group(2));
    }
}
