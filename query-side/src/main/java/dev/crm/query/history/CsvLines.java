package dev.crm.query.history;

import java.io.IOException;
import java.io.Writer;

/**
 * Lines of RFC 4180 CSV: fields separated by commas, every line ended by CRLF, a field in double quotes when it
 * holds a comma, a quote, a CR or an LF, and its quotes then doubled. A {@code null} is an empty field. Values
 * are written exactly as given (no spreadsheet-formula escaping): an audit export must not alter what it shows.
 */
final class CsvLines {

    private final Writer out;

    CsvLines(Writer out) {
        this.out = out;
    }

    void line(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(fields[i]);
        }
        out.write("\r\n");
    }

    private void field(String value) throws IOException {
        if (value == null) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
            out.write(value, from, quote + 1 - from);
            out.write('"');
            from = quote + 1;
        }
        out.write(value, from, value.length() - from);
        out.write('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
