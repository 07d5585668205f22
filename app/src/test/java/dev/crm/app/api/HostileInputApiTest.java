package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import dev.crm.app.support.LogCapture;
import dev.crm.app.support.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixed corpus of several thousand hostile requests over every endpoint, parameter and body field, sent
 * byte for byte: malformed percent-encoding, NUL characters, wrong types, huge and deeply nested values,
 * malformed bodies and headers, unknown methods, broken request lines. Whatever arrives, the answer is never
 * a 5xx, every error is problem+json without anything of the inside, and the log stays quiet: no ERROR and
 * no stack trace.
 */
class HostileInputApiTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Query values, already percent-encoded (or deliberately not). */
    private static final List<String> QUERY_VALUES = List.of("%00", "a%00b", "%", "%e", "%zz", "%ED%A0%80",
            "%C0%AF", "%FF", "%F0%9F%98%80", "%E2%80%AE", "%0A%0D", "%5C%22", "-1", "0", "99999999999999999999",
            "1e400", "NaN", "true", "null", "%27%20OR%201%3D1--", "%5B%5D", "2025-13-45", "%2B10000-01-01",
            "9999-12-31T23:59:59.999999999Z", "0000-01-01", "-999999999-01-01T00:00:00Z",
            "2025-01-01T00:00:00%2B99:00", "a".repeat(3000), "cnt_", "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V", "%2C%2C",
            "-", "--createdAt", "createdAt%3Bdrop", "%25", "+", "%20", "");

    /** JSON values put into one field of an otherwise valid body. */
    private static final List<String> JSON_VALUES = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"\\udc00x\"", "\"\"", "\" \"", "null", "0", "-1", "1.5", "1e400", "-1e400",
            "99999999999999999999999999", "true", "[]", "{}", "[null]", "[\"\\u0000\"]", "[1, {}]",
            "\"" + "x".repeat(20_000) + "\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"",
            "\"2025-13-45\"", "\"+15551234567\\u0000\"", "\"\\u202e\"", "\"cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V\"");

    /** Whole bodies that are not what any endpoint takes. */
    private static final List<byte[]> BODIES = List.of(bytes(""), bytes("{"), bytes("["), bytes("null"),
            bytes("\"text\""), bytes("123"), bytes("{\"a\":}"), bytes("{\"firstName\": \"x\",}"),
            new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            bytes("\uFEFF{}"), bytes("[".repeat(5_000) + "]".repeat(5_000)),
            bytes("{\"email\": \"a@b.co\", \"email\": 1}"), bytes("{\"notes\": 1e99999999}"),
            bytes("{\"tags\": [" + "\"t\",".repeat(5_000) + "\"t\"]}"), bytes("{\"leadScore\": NaN}"),
            bytes("/* c */ {}"), bytes("{'firstName': 'x'}"), bytes("{\"a\": \"\\u00\"}"));

    private static final List<Map.Entry<String, String>> HEADERS = List.of(
            Map.entry("Accept", "application/xml"), Map.entry("Accept", "text/html"),
            Map.entry("Accept", "*/*;q=0"), Map.entry("Accept", "???"), Map.entry("Accept", "application/json;q=abc"),
            Map.entry("Accept", "text/csv"), Map.entry("Accept", "application/x-ndjson"),
            Map.entry("Content-Type", "*/*"), Map.entry("Content-Type", "application/*"),
            Map.entry("Content-Type", "text/plain"), Map.entry("Content-Type", "garbage"),
            Map.entry("Content-Type", "application/json; charset=latin1"),
            Map.entry("Content-Type", "application/json; charset=nope"), Map.entry("Content-Type", "application/json;;;"),
            Map.entry("Content-Type", "multipart/form-data; boundary=x"),
            Map.entry("Content-Type", "application/x-www-form-urlencoded"),
            Map.entry("If-Match", "garbage"), Map.entry("If-Match", "W/\"1\""), Map.entry("If-Match", "\"1\", \"2\""),
            Map.entry("If-Match", "\"\""), Map.entry("If-Match", "\"-1\""), Map.entry("If-Match", "\"99999999999999999999\""),
            Map.entry("If-None-Match", "*"), Map.entry("Idempotency-Key", " "), Map.entry("Idempotency-Key", "k".repeat(300)),
            Map.entry("Idempotency-Key", "a\tb"), Map.entry("Idempotency-Key", "\u00fc"),
            Map.entry("X-Request-Id", "<script>"), Map.entry("X-Request-Id", "r".repeat(500)),
            Map.entry("X-Request-Id", "\u00fc"), Map.entry("Authorization", "Bearer"),
            Map.entry("Authorization", "Bearer "), Map.entry("Authorization", "Basic dXNlcjpwYXNz"),
            Map.entry("Authorization", "Bearer " + "a".repeat(600)), Map.entry("Authorization", "Bearer a b"),
            Map.entry("Authorization", "Bearer \u00fc"), Map.entry("X-Forwarded-Host", "a b"),
            Map.entry("X-Forwarded-Host", "evil.example:99999"), Map.entry("X-Forwarded-Proto", "gopher"),
            Map.entry("X-Forwarded-Proto", "https, http"), Map.entry("X-Forwarded-Prefix", "a b"),
            Map.entry("X-Forwarded-Port", "abc"), Map.entry("X-Forwarded-For", "garbage, , ::::"),
            Map.entry("Forwarded", "for=\"[::1\";proto=gopher"), Map.entry("Range", "bytes=abc"),
            Map.entry("Expect", "200-ok"), Map.entry("Accept-Charset", "nope"), Map.entry("Accept-Language", "??"));

    @Test
    void noHostileRequestGetsAServerErrorOrAnythingButProblemJsonAndTheLogStaysQuiet() {
        Fixtures ids = fixtures();
        List<Request> corpus = new ArrayList<>();
        queryParameters(ids, corpus);
        bodyFields(ids, corpus);
        wholeBodies(ids, corpus);
        headers(ids, corpus);
        pathsAndProtocol(corpus);

        List<String> failures = new ArrayList<>();
        List<String> noise;
        try (LogCapture log = new LogCapture()) {
            for (Request request : corpus) {
                Answer answer;
                try {
                    answer = raw.exchange(request.bytes());
                } catch (RuntimeException e) {
                    failures.add("no answer (" + e.getMessage() + ") for " + request.description());
                    continue;
                }
                String failure = judge(request, answer);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            noise = log.noisyLines();
        }
        assertThat(corpus).hasSizeGreaterThan(3_000);
        assertThat(failures).as("answers that are 5xx or not problem+json").isEmpty();
        assertThat(noise).as("log lines at ERROR or with a stack trace").isEmpty();
    }

    private record Request(String description, byte[] bytes) {
    }

    private record Fixtures(String contact, String lead, String convertibleLead, String account, String opportunity,
                            String note, String task, String user) {
    }

    private Fixtures fixtures() {
        String account = admin.post("/api/accounts/", "{\"name\": \"Hostile Inc\"}").expect(201).id();
        String contact = admin.post("/api/contacts/", "{\"firstName\": \"Hostile\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("hostile"))).expect(201).id();
        String lead = admin.post("/api/leads/", "{\"firstName\": \"Hostile\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("lead"))).expect(201).id();
        String convertible = admin.post("/api/leads/", "{\"lastName\": \"Convert\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("lead"))).expect(201).id();
        String opportunity = admin.post("/api/opportunities/", "{\"name\": \"Hostile deal\", \"accountId\": \"%s\"}"
                .formatted(account)).expect(201).id();
        String note = admin.post("/api/contacts/" + contact + "/notes/", "{\"body\": \"hi\"}").expect(201).id();
        String task = admin.post("/api/tasks/", "{\"title\": \"Hostile task\"}").expect(201).id();
        String user = newUser("member").userId();
        return new Fixtures(contact, lead, convertible, account, opportunity, note, task, user);
    }

    private void queryParameters(Fixtures ids, List<Request> corpus) {
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        List<String> paging = List.of("page", "limit", "ordering");
        endpoints.put("/api/contacts/", List.of("stage", "assignedTo", "search", "createdAfter", "createdBefore",
                "tags", "asOf", "page", "limit", "ordering"));
        endpoints.put("/api/leads/", List.of("status", "source", "assignedTo", "search", "createdAfter",
                "createdBefore", "ordering", "asOf"));
        endpoints.put("/api/accounts/", List.of("search", "assignedTo", "tags", "createdAfter", "ordering"));
        endpoints.put("/api/opportunities/", List.of("stage", "accountId", "contactId", "assignedTo", "search",
                "createdBefore", "ordering"));
        endpoints.put("/api/tasks/", List.of("contactId", "assignedTo", "status", "dueBefore", "ordering"));
        endpoints.put("/api/users/", List.of("role", "active", "search", "ordering"));
        endpoints.put("/api/contacts/" + ids.contact() + "/notes/", paging);
        endpoints.put("/api/audit-log/", List.of("entityType", "entityId", "actor", "type", "after", "before",
                "ordering", "page", "limit"));
        endpoints.put("/api/contacts/" + ids.contact() + "/history/", paging);
        endpoints.put("/api/leads/" + ids.lead() + "/history/", List.of("page"));
        endpoints.put("/api/events/", List.of("after", "limit", "type", "entityType"));
        endpoints.put("/api/reports/stage-durations/", List.of("entityType"));
        endpoints.put("/api/reports/lead-funnel/", List.of("from", "to"));
        endpoints.put("/api/contacts/" + ids.contact() + "/", List.of("asOf"));
        endpoints.put("/api/users/" + ids.user() + "/", List.of("asOf"));
        endpoints.put("/api/admin/projections/", List.of("x"));
        endpoints.forEach((path, parameters) -> {
            for (String parameter : parameters) {
                for (String value : QUERY_VALUES) {
                    corpus.add(get(path + "?" + parameter + "=" + value));
                }
            }
            corpus.add(get(path + "?%00=1"));
            corpus.add(get(path + "?=&&=&a"));
        });
    }

    private void bodyFields(Fixtures ids, List<Request> corpus) {
        String email = "\"email\": \"hostile@example.com\"";
        List<Write> writes = List.of(
                new Write("POST", "/api/contacts/", email, List.of("firstName", "lastName", "email", "phone", "title",
                        "stage", "accountId", "assignedTo", "tags", "notes", "emailOptOut", "emailBounced", "id")),
                new Write("PATCH", "/api/contacts/" + ids.contact() + "/", null, List.of("firstName", "email", "phone",
                        "stage", "accountId", "tags", "notes", "emailOptOut", "createdAt")),
                new Write("POST", "/api/leads/", "\"email\": \"lead@example.com\"", List.of("firstName", "email", "phone", "company",
                        "status", "source", "assignedTo", "leadScore", "emailOptOut", "notes", "convertedAt")),
                new Write("PATCH", "/api/leads/" + ids.lead() + "/", null, List.of("status", "leadScore", "source",
                        "email", "company")),
                new Write("POST", "/api/leads/" + ids.convertibleLead() + "/convert/", null, List.of("createAccount",
                        "accountName", "accountId", "createOpportunity", "opportunityName", "opportunityValue",
                        "opportunityStage")),
                new Write("POST", "/api/accounts/", "\"name\": \"A\"", List.of("name", "domain", "industry", "phone",
                        "assignedTo", "tags", "notes", "contactCount")),
                new Write("PATCH", "/api/accounts/" + ids.account() + "/", null, List.of("name", "domain", "tags")),
                new Write("POST", "/api/opportunities/", "\"name\": \"O\"", List.of("name", "value", "currency", "stage",
                        "accountId", "contactId", "assignedTo", "closeDate")),
                new Write("PATCH", "/api/opportunities/" + ids.opportunity() + "/", null, List.of("value", "currency",
                        "closeDate", "contactId")),
                new Write("POST", "/api/contacts/" + ids.contact() + "/notes/", null, List.of("body", "authorId")),
                new Write("PATCH", "/api/notes/" + ids.note() + "/", null, List.of("body")),
                new Write("POST", "/api/tasks/", "\"title\": \"T\"", List.of("title", "dueAt", "status", "contactId",
                        "assignedTo")),
                new Write("PATCH", "/api/tasks/" + ids.task() + "/", null, List.of("title", "dueAt", "status")),
                new Write("POST", "/api/users/", "\"email\": \"hostile-user@example.com\", \"lastName\": \"U\"",
                        List.of("firstName", "email", "role", "active", "name")),
                new Write("PATCH", "/api/users/" + ids.user() + "/", null, List.of("firstName", "email", "role")),
                new Write("POST", "/api/users/" + ids.user() + "/tokens/", null, List.of("name")));
        for (Write write : writes) {
            for (String field : write.fields()) {
                for (String value : JSON_VALUES) {
                    String member = "\"" + field + "\": " + value;
                    String body = "{" + (write.base() == null || field.equals(baseField(write.base()))
                            ? member : write.base() + ", " + member) + "}";
                    corpus.add(request(write.method(), write.path(), Map.of("Content-Type", "application/json"),
                            bytes(body)));
                }
            }
        }
    }

    private static String baseField(String base) {
        return base.substring(1, base.indexOf('"', 1));
    }

    private record Write(String method, String path, String base, List<String> fields) {
    }

    private void wholeBodies(Fixtures ids, List<Request> corpus) {
        List<String[]> targets = List.of(new String[]{"POST", "/api/contacts/"},
                new String[]{"PATCH", "/api/contacts/" + ids.contact() + "/"}, new String[]{"POST", "/api/leads/"},
                new String[]{"POST", "/api/leads/" + ids.convertibleLead() + "/convert/"},
                new String[]{"POST", "/api/accounts/"}, new String[]{"POST", "/api/opportunities/"},
                new String[]{"POST", "/api/contacts/" + ids.contact() + "/notes/"},
                new String[]{"PATCH", "/api/notes/" + ids.note() + "/"}, new String[]{"POST", "/api/tasks/"},
                new String[]{"POST", "/api/users/"}, new String[]{"PATCH", "/api/users/" + ids.user() + "/"},
                new String[]{"POST", "/api/users/" + ids.user() + "/tokens/"},
                new String[]{"POST", "/api/admin/projections/nothing/rebuild/"});
        for (String[] target : targets) {
            for (byte[] body : BODIES) {
                corpus.add(request(target[0], target[1], Map.of("Content-Type", "application/json"), body));
            }
        }
    }

    private void headers(Fixtures ids, List<Request> corpus) {
        String contact = "/api/contacts/" + ids.contact() + "/";
        for (Map.Entry<String, String> header : HEADERS) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put(header.getKey(), header.getValue());
            corpus.add(request("GET", "/api/contacts/?limit=2", headers, new byte[0]));
            corpus.add(request("GET", contact, headers, new byte[0]));
            corpus.add(request("GET", "/api/events/?limit=2", headers, new byte[0]));
            corpus.add(request("GET", "/api/audit-log/?limit=2&entityId=" + ids.contact(), headers, new byte[0]));
            corpus.add(request("POST", "/api/contacts/", headers, bytes("{\"email\": \"%s@example.com\"}"
                    .formatted(Api.unique("hdr")))));
            corpus.add(request("PATCH", contact, headers, bytes("{\"title\": \"Header test\"}")));
            corpus.add(request("DELETE", "/api/tasks/" + ids.task() + "/", headers, new byte[0]));
        }
    }

    private void pathsAndProtocol(List<Request> corpus) {
        for (String resource : List.of("contacts", "leads", "accounts", "opportunities", "tasks", "users", "notes")) {
            for (String id : List.of("%00", "cnt_%00", "..", "%2e%2e", "a".repeat(3000), "%F0%9F%98%80",
                    "%27%20OR%201=1", "cnt_01jd3q8w6y0t7k2m4n5p6r7s8v", "%", "%zz", ";x=1", "%2F", "%5C")) {
                corpus.add(get("/api/" + resource + "/" + id + "/"));
                corpus.add(request("PATCH", "/api/" + resource + "/" + id + "/",
                        Map.of("Content-Type", "application/json"), bytes("{}")));
                corpus.add(request("DELETE", "/api/" + resource + "/" + id + "/", Map.of(), new byte[0]));
                corpus.add(get("/api/" + resource + "/" + id + "/history/"));
            }
        }
        for (String method : List.of("CONNECT", "FOO", "TRACE", "PUT", "OPTIONS", "HEAD", "PROPFIND", "M-SEARCH")) {
            corpus.add(request(method, "/api/contacts/", Map.of(), new byte[0]));
            corpus.add(request(method, "/error", Map.of(), new byte[0]));
        }
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            corpus.add(request(method, "/error", Map.of("Content-Type", "application/json"), bytes("{}")));
            corpus.add(request(method, "/error/", Map.of(), new byte[0]));
        }
        List<String> lines = List.of("GET /api/contacts/ HTTP/1.1\r\nHost: x\r\nBad\u0001Header: y",
                "GET /api/contacts/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000),
                "GET /api/contacts/?" + "q=1&".repeat(10_000) + " HTTP/1.1\r\nHost: x",
                "GET /api/con tacts/ HTTP/1.1\r\nHost: x", "GET /api/contacts/ HTTP/2.5\r\nHost: x",
                "GET /api/contacts/\u0000 HTTP/1.1\r\nHost: x", "GET /api/%zz/ HTTP/1.1\r\nHost: x",
                "GARBAGE", "GET /api/contacts/ HTTP/1.1", "GET /api/contacts/ HTTP/1.1\r\nHost: a b",
                "GET /api/contacts/ HTTP/1.1\r\nHost: x\r\nno colon here",
                "GET /api/contacts/ HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b",
                "GET http://evil.example/api/contacts/ HTTP/1.1\r\nHost: x", "GET * HTTP/1.1\r\nHost: x",
                "GET /../../etc/passwd HTTP/1.1\r\nHost: x", "GET //api//contacts// HTTP/1.1\r\nHost: x",
                "GET /api/contacts/..%2f..%2f HTTP/1.1\r\nHost: x",
                "POST /api/contacts/ HTTP/1.1\r\nHost: x\r\nContent-Length: -5",
                "POST /api/contacts/ HTTP/1.1\r\nHost: x\r\nContent-Length: abc",
                "POST /api/contacts/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip",
                "GET /api/contacts/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u00ff\u00fe");
        for (String line : lines) {
            corpus.add(new Request(line.lines().findFirst().orElse(line), bytes(line + "\r\nConnection: close\r\n\r\n")));
        }
        corpus.add(new Request("chunked and a length", bytes("POST /api/contacts/ HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\n\r\n0\r\n\r\n")));
        corpus.add(new Request("bad chunk", bytes("POST /api/contacts/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n")));
    }

    private Request get(String path) {
        return request("GET", path, Map.of(), new byte[0]);
    }

    private Request request(String method, String path, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost");
        if (!headers.containsKey("Authorization")) {
            head.append("\r\nAuthorization: Bearer ").append(ADMIN_TOKEN);
        }
        headers.forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.append("\r\nConnection: close").append(body.length > 0 || !method.equals("GET")
                ? "\r\nContent-Length: " + body.length : "").append("\r\n\r\n").toString()
                .getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        String shown = new String(body, StandardCharsets.UTF_8);
        return new Request(method + " " + abbreviate(path) + " " + headers + " " + abbreviate(shown),
                bytes.toByteArray());
    }

    private static String judge(Request request, Answer answer) {
        if (answer.status() >= 500) {
            return answer.status() + " for " + request.description() + ": " + abbreviate(answer.body());
        }
        if (answer.status() < 400 || request.description().startsWith("HEAD ")) {
            return null;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return answer.status() + " as " + type + " for " + request.description();
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (RuntimeException e) {
            return "unreadable problem for " + request.description() + ": " + abbreviate(answer.body());
        }
        if (problem.path("status").intValue() != answer.status() || !problem.has("title")) {
            return "problem without its status and title for " + request.description() + ": " + answer.body();
        }
        String body = answer.body();
        if (body.contains("Exception") || body.contains("at org.") || body.contains("dev.crm.")
                || body.toLowerCase().contains("select ")) {
            return "problem that shows the inside for " + request.description() + ": " + abbreviate(body);
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
