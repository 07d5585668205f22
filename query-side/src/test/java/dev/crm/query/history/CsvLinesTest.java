package dev.crm.query.history;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 as the audit export writes it: given these fields, these bytes. */
class CsvLinesTest {

    private static String line(String... fields) throws IOException {
        StringWriter out = new StringWriter();
        new CsvLines(out).line(fields);
        return out.toString();
    }

    @Test
    void plainFieldsAreWrittenAsTheyAreAndEveryLineEndsWithCrLf() throws IOException {
        assertThat(line("evt_1", "2025-03-01T09:00:00Z", "Alex Johnson", "")).isEqualTo(
                "evt_1,2025-03-01T09:00:00Z,Alex Johnson,\r\n");
    }

    @Test
    void aNullIsAnEmptyField() throws IOException {
        assertThat(line("a", null, "c")).isEqualTo("a,,c\r\n");
        assertThat(line((String) null)).isEqualTo("\r\n");
    }

    @Test
    void aFieldWithACommaQuoteCrOrLfIsQuotedAndItsQuotesDoubled() throws IOException {
        assertThat(line("a,b")).isEqualTo("\"a,b\"\r\n");
        assertThat(line("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"\r\n");
        assertThat(line("\"")).isEqualTo("\"\"\"\"\r\n");
        assertThat(line("one\r\ntwo", "x\ny", "cr\r")).isEqualTo("\"one\r\ntwo\",\"x\ny\",\"cr\r\"\r\n");
        assertThat(line("{\"a\":{\"from\":null,\"to\":\"b, c\"}}"))
                .isEqualTo("\"{\"\"a\"\":{\"\"from\"\":null,\"\"to\"\":\"\"b, c\"\"}}\"\r\n");
    }

    @Test
    void otherCharactersNeedNoQuotes() throws IOException {
        assertThat(line("tab\there", "semi;colon", "'single'", "=1+2", "ünïcödé ✓")).isEqualTo(
                "tab\there,semi;colon,'single',=1+2,ünïcödé ✓\r\n");
    }
}
