package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/events/}: the event history as NDJSON, paged by export position. */
class EventExportApiTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private JdbcTemplate jdbc;

    private List<JsonNode> page(Api as, String query) {
        Api.Response answer = as.get("/api/events/" + query).expect(200);
        assertThat(answer.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> events = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (!line.isEmpty()) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    @Test
    void everyEventIsOneLineWithItsTypeRecordVersionActorAndPayload() {
        Api member = newUser("member");
        String id = member.post("/api/contacts/", "{\"lastName\": \"Export\", \"email\": \"export@example.com\"}")
                .expect(201).id();
        member.patch("/api/contacts/" + id + "/", "{\"stage\": \"engaged\"}").expect(200);

        List<JsonNode> events = page(admin, "?entityType=contact&limit=10000").stream()
                .filter(e -> e.get("entityId").stringValue().equals(id)).toList();

        assertThat(events).hasSize(2);
        JsonNode changed = events.get(1);
        assertThat(changed.get("id").stringValue()).matches("evt_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(changed.get("type").stringValue()).isEqualTo("contact.stage_changed");
        assertThat(changed.get("entityType").stringValue()).isEqualTo("contact");
        assertThat(changed.get("version").intValue()).isEqualTo(2);
        assertThat(changed.get("occurredAt").stringValue()).endsWith("Z");
        assertThat(changed.at("/actor/id").stringValue()).isEqualTo(member.userId());
        assertThat(changed.at("/actor/name").stringValue()).isEqualTo("Test member");
        assertThat(changed.at("/data/previousStage").stringValue()).isEqualTo("new");
        assertThat(changed.at("/data/stage").stringValue()).isEqualTo("engaged");
        assertThat(changed.get("position").longValue()).isGreaterThan(events.get(0).get("position").longValue());

        List<JsonNode> stageChanges = page(admin, "?type=contact.stage_changed&limit=10000");
        assertThat(stageChanges).extracting(e -> e.get("type").stringValue()).containsOnly("contact.stage_changed");
        assertThat(stageChanges).extracting(e -> e.get("id")).contains(changed.get("id"));
        assertThat(page(admin, "?after=" + changed.get("position").longValue() + "&limit=10000"))
                .extracting(e -> e.get("id")).doesNotContain(changed.get("id"), events.get(0).get("id"));
    }

    @Test
    void tokenHashesNeverLeaveTheServer() {
        Api auditor = newUser("auditor");
        List<JsonNode> issued = page(auditor, "?type=user.token_issued&entityType=user&limit=10000");
        assertThat(issued).isNotEmpty().allSatisfy(e -> {
            assertThat(e.at("/data/tokenId").stringValue()).startsWith("tok_");
            assertThat(e.get("data").has("tokenHash")).isFalse();
        });
    }

    @Test
    void badParametersAre400AndMembersAre403() {
        Api.Response answer = admin.get("/api/events/?after=-1&limit=0&type=Contact&entityType=planet").expect(400);
        assertThat(answer.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("after", "limit", "type", "entityType");
        admin.get("/api/events/?type=planet.created").expect(400);
        admin.get("/api/events/?after=99999999999999999999").expect(400);
        newUser("member").get("/api/events/").expect(403);
        assertThat(page(admin, "?limit=20000")).hasSizeLessThanOrEqualTo(10_000);
    }

    /**
     * Eight writers create contacts over HTTP while a reader pages with {@code after=<last position>};
     * transactions commit in any order. Once the writers are done and the stream is drained, the reader
     * has seen every stored event exactly once, positions strictly increasing.
     */
    @Test
    void pagingByPositionWhileWritesGoOnSeesEveryEventExactlyOnce() throws Exception {
        Set<String> created = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    created.add(admin.post("/api/contacts/", "{\"lastName\": \"Writer\", \"email\": \"%s@example.com\"}"
                            .formatted(Api.unique("w"))).expect(201).id());
                }
            }));
        }
        writers.shutdown();

        List<String> ids = new ArrayList<>();
        Set<String> entities = new HashSet<>();
        long last = 0;
        boolean writing = true;
        int emptyPagesSinceWritersEnded = 0;
        // An event is exported once every transaction older than its own has ended (those of the report
        // processors included): drained means a few empty pages a moment apart after the writers ended.
        while (emptyPagesSinceWritersEnded < 3) {
            List<JsonNode> events = page(admin, "?after=" + last + "&limit=37");
            for (JsonNode event : events) {
                assertThat(event.get("position").longValue()).isGreaterThan(last);
                last = event.get("position").longValue();
                ids.add(event.get("id").stringValue());
                entities.add(event.get("entityId").stringValue());
            }
            if (events.isEmpty() && !writing) {
                emptyPagesSinceWritersEnded++;
                Thread.sleep(100);
            } else if (!events.isEmpty()) {
                emptyPagesSinceWritersEnded = 0;
            }
            writing = done.stream().anyMatch(f -> !f.isDone());
        }
        for (Future<?> writer : done) {
            writer.get();
        }

        assertThat(created).hasSize(320);
        assertThat(entities).containsAll(created);
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).hasSize(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry",
                Integer.class));
    }
}
