package dev.crm.command.web;

import dev.crm.api.common.VersionMismatchException;

/** Reads an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code *}) into an expected version. */
public final class IfMatch {

    private IfMatch() {
    }

    /** The expected version, or {@code null} when there is no precondition. */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // No version of ours looks like this, so the precondition cannot hold.
            throw new VersionMismatchException(header);
        }
    }
}
