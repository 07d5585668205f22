package dev.crm.query.history;

import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** Rows in {@code COPY}'s text format, streamed to a {@code COPY} or a file a little at a time. */
final class CopyRows {

    private static final int CHUNK = 1 << 16;

    private final CopyIn copy;
    private final Writer file;
    private final StringBuilder rows = new StringBuilder();

    CopyRows(CopyIn copy) {
        this.copy = copy;
        this.file = null;
    }

    CopyRows(Writer file) {
        this.copy = null;
        this.file = file;
    }

    void row(String... columns) throws SQLException, IOException {
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            String value = columns[i];
            if (value == null) {
                rows.append("\\N");
            } else if (plain(value)) {
                rows.append(value);
            } else {
                for (int c = 0; c < value.length(); c++) {
                    char ch = value.charAt(c);
                    switch (ch) {
                        case '\\' -> rows.append("\\\\");
                        case '\n' -> rows.append("\\n");
                        case '\r' -> rows.append("\\r");
                        case '\t' -> rows.append("\\t");
                        default -> rows.append(ch);
                    }
                }
            }
        }
        rows.append('\n');
        if (rows.length() >= CHUNK) {
            flush();
        }
    }

    /** Whether the text needs no escaping in {@code COPY}'s text format (almost every value). */
    private static boolean plain(String value) {
        return value.indexOf('\\') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0
                && value.indexOf('\t') < 0;
    }

    void flush() throws SQLException, IOException {
        if (copy != null) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        } else {
            file.append(rows);
        }
        rows.setLength(0);
    }
}
