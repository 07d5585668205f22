package dev.crm.query.history;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * JSON values as PostgreSQL's {@code jsonb} sees them, for folding the audit log outside the database with
 * the same result as {@link EventLogProjection#FOLD} inside it: equality as jsonb's (numbers by value, objects
 * regardless of key order) and text as jsonb's output writes it (numbers as {@code numeric} prints them,
 * object keys shortest first, {@code ", "} and {@code ": "} between items, strings escaped as
 * {@code escape_json} does). Values are {@link String}, {@link Numeric} (its text as written), {@link Boolean},
 * {@link #NULL}, {@link List} and {@link Map}.
 */
final class JsonbText {

    /** JSON's {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonbText() {
    }

    /** A JSON number, kept as its text: {@code numeric} keeps its scale ({@code 1.50} stays {@code 1.50}). */
    record Numeric(String text) {

        BigDecimal value() {
            return new BigDecimal(text);
        }

        boolean integral() {
            return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }
    }

    /** Each field of a JSON object, in the order written. */
    static void fields(String json, BiConsumer<String, Object> field) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object: " + json);
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                field.accept(name, value(parser));
            }
        }
    }

    /** The text of the named top-level scalar fields of a JSON object ({@code null} when absent or null). */
    static Map<String, String> texts(String json, String... names) {
        Map<String, String> texts = new HashMap<>();
        if (json != null) {
            List<String> wanted = Arrays.asList(names);
            fields(json, (name, value) -> {
                if (wanted.contains(name) && value != NULL && !(value instanceof List) && !(value instanceof Map)) {
                    texts.put(name, value instanceof Numeric number ? number.text() : value.toString());
                }
            });
        }
        return texts;
    }

    private static Object value(JsonParser parser) {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Numeric(parser.getString());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                yield items;
            }
            case START_OBJECT -> {
                Map<String, Object> members = new HashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, value(parser)); // a repeated key: the last one counts, as in jsonb
                }
                yield members;
            }
            default -> throw new IllegalArgumentException("unexpected JSON token " + parser.currentToken());
        };
    }

    /** jsonb's {@code =}. */
    static boolean equal(Object a, Object b) {
        if (a instanceof Numeric x && b instanceof Numeric y) {
            if (x.text().equals(y.text())) {
                return true;
            }
            if (x.integral() && y.integral()) {
                // Two integers written differently differ, but for zero's sign (JSON has no leading zeros).
                return x.text().replace("-", "").equals("0") && y.text().replace("-", "").equals("0");
            }
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> member : x.entrySet()) {
                if (!equal(member.getValue(), y.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a == b || a.equals(b);
    }

    /** jsonb's output of {@code value}. */
    static void write(Object value, StringBuilder out) {
        if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Numeric number) {
            out.append(number.value().toPlainString());
        } else if (value instanceof List<?> items) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(items.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> members) {
            // jsonb keeps an object's keys shortest first, then by their bytes.
            List<String> keys = new ArrayList<>();
            members.keySet().forEach(key -> keys.add((String) key));
            keys.sort(JsonbText::jsonbKeyOrder);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                string(keys.get(i), out);
                out.append(": ");
                write(members.get(keys.get(i)), out);
            }
            out.append('}');
        } else {
            out.append(value); // true, false, null
        }
    }

    /** Whether {@link #string} writes the text as it is (no quote, backslash or control character). */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Shorter first, then by their UTF-8 bytes (for ASCII keys, the characters' order). */
    private static int jsonbKeyOrder(String x, String y) {
        if (ascii(x) && ascii(y)) {
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        byte[] a = x.getBytes(StandardCharsets.UTF_8);
        byte[] b = y.getBytes(StandardCharsets.UTF_8);
        return a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compareUnsigned(a, b);
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A JSON string as PostgreSQL's {@code escape_json} writes it. */
    static void string(String text, StringBuilder out) {
        out.append('"');
        if (plain(text)) {
            out.append(text).append('"');
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
