package dev.crm.query.history;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's rebuild folds outside the database what its projection folds inside: values must compare
 * and print exactly as PostgreSQL's jsonb does. The expected texts are what PostgreSQL 15 printed.
 */
class JsonbTextTest {

    @Test
    void printsAsJsonbOutputDoes() {
        // SELECT '{"b":1,"a":[1,"x\u0001y\"\\/é"],"cc":{"z":null},"aa":1.50,"e":1E+3,"t":true}'::jsonb::text
        Map<String, Object> fields = new LinkedHashMap<>();
        JsonbText.fields("{\"b\":1,\"a\":[1,\"x\\u0001y\\\"\\\\\\/é\"],\"cc\":{\"z\":null},\"aa\":1.50,\"e\":1E+3,"
                + "\"t\":true}", fields::put);
        StringBuilder out = new StringBuilder();
        JsonbText.write(new HashMap<>(fields), out);
        assertThat(out).hasToString("{\"a\": [1, \"x\\u0001y\\\"\\\\/é\"], \"b\": 1, \"e\": 1000, \"t\": true, "
                + "\"aa\": 1.50, \"cc\": {\"z\": null}}");
    }

    @Test
    void comparesAsJsonbEqualityDoes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        JsonbText.fields("{\"a\": 1.0, \"b\": 1, \"c\": \"1\", \"d\": [\"x\", 2], \"e\": [\"x\", 2.00],"
                + " \"f\": {\"p\": 1, \"q\": null}, \"g\": {\"q\": null, \"p\": 1.0}, \"h\": null}", fields::put);
        assertThat(JsonbText.equal(fields.get("a"), fields.get("b"))).isTrue(); // numbers by value
        assertThat(JsonbText.equal(new JsonbText.Numeric("-0"), new JsonbText.Numeric("0"))).isTrue();
        assertThat(JsonbText.equal(new JsonbText.Numeric("10"), new JsonbText.Numeric("20"))).isFalse();
        assertThat(JsonbText.equal(new JsonbText.Numeric("1e1"), new JsonbText.Numeric("10"))).isTrue();
        assertThat(JsonbText.equal(fields.get("b"), fields.get("c"))).isFalse(); // not across types
        assertThat(JsonbText.equal(fields.get("d"), fields.get("e"))).isTrue();
        assertThat(JsonbText.equal(fields.get("f"), fields.get("g"))).isTrue(); // objects regardless of order
        assertThat(JsonbText.equal(fields.get("h"), JsonbText.NULL)).isTrue();
        assertThat(JsonbText.equal(fields.get("h"), List.of())).isFalse();
    }

    @Test
    void readsTheTextOfNamedScalars() {
        assertThat(JsonbText.texts("{\"actorId\": \"usr_1\", \"actorName\": null, \"n\": 5}", "actorId", "actorName",
                "n")).containsExactlyInAnyOrderEntriesOf(Map.of("actorId", "usr_1", "n", "5"));
        assertThat(JsonbText.texts(null, "actorId")).isEmpty();
    }
}
