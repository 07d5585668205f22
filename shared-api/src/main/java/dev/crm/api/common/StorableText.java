package dev.crm.api.common;

/**
 * Text the API takes: any Unicode, except what PostgreSQL text cannot hold (U+0000) and what is no
 * Unicode at all (a surrogate without its pair, as a JSON escape such as {@code "\ud800"} can carry).
 * Refused at the edge, body field or query parameter alike, so that it never reaches a statement.
 */
public final class StorableText {

    public static final String REFUSED = "must be Unicode text without the NUL character (\\u0000)";

    private StorableText() {
    }

    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
