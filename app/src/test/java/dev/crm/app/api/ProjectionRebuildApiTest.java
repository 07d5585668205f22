package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/admin/projections/}: the projections' state, and rebuilding a read model from the events. */
class ProjectionRebuildApiTest extends ApiTest {

    private static final List<String> TABLES = List.of("contact", "app_user", "api_token");
    private static final String[] STAGES = {"new", "contacted", "engaged", "proposal_sent", "negotiation",
            "customer", "inactive"};

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void listsEveryProjectionWithModePositionLagAndState() {
        JsonNode list = admin.get("/api/admin/projections/").expect(200).json();
        JsonNode contacts = projection(list, "contacts");
        assertThat(contacts.get("mode").stringValue()).isEqualTo("subscribing");
        assertThat(contacts.get("state").stringValue()).isEqualTo("live");
        assertThat(contacts.get("lag").longValue()).isZero();
        assertThat(contacts.get("position").longValue()).isPositive();
        assertThat(projection(list, "users")).isNotNull();

        newUser("auditor").get("/api/admin/projections/").expect(403);
        admin.post("/api/admin/projections/planets/rebuild/", null).expect(404);
        admin.post("/api/admin/projections/test-failing-projection/rebuild/", null).expect(409);
    }

    /**
     * A few thousand random writes, then rebuilds of both read models: the rebuilt tables equal the live
     * ones row for row. Then a rebuild while writes go on: once everything is quiet, the tables equal what
     * a replay of the whole store gives, so the swap lost and doubled nothing.
     */
    @Test
    void rebuiltTablesEqualTheLiveOnesRowForRow() throws Exception {
        randomWrites(2000, new AtomicBoolean(true));
        snapshot();
        rebuild("contacts");
        rebuild("users");
        assertTablesEqualSnapshot();

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<?> writes = background.submit(() -> randomWrites(Integer.MAX_VALUE, writing));
        Thread.sleep(300);
        rebuild("contacts");
        rebuild("users");
        writing.set(false);
        writes.get();
        background.shutdown();
        snapshot();
        rebuild("contacts");
        rebuild("users");
        assertTablesEqualSnapshot();
    }

    @AfterEach
    void dropSnapshots() {
        for (String table : TABLES) {
            jdbc.execute("DROP TABLE IF EXISTS public.before_" + table);
        }
    }

    private void rebuild(String name) throws InterruptedException {
        JsonNode answer = admin.post("/api/admin/projections/" + name + "/rebuild/", null).expect(202).json();
        assertThat(answer.get("name").stringValue()).isEqualTo(name);
        for (int i = 0; i < 600; i++) {
            String state = projection(admin.get("/api/admin/projections/").expect(200).json(), name)
                    .get("state").stringValue();
            if (state.equals("live")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the rebuild of " + name + " did not finish");
    }

    private void snapshot() {
        for (String table : TABLES) {
            jdbc.execute("DROP TABLE IF EXISTS public.before_" + table);
            jdbc.execute("CREATE TABLE public.before_" + table + " AS SELECT * FROM read_model." + table);
        }
    }

    private void assertTablesEqualSnapshot() {
        for (String table : TABLES) {
            String live = "read_model." + table;
            String before = "public.before_" + table;
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + live, Long.class)).as(table)
                    .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM " + before, Long.class)).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT * FROM " + live + " EXCEPT SELECT * FROM "
                    + before + ") d", Long.class)).as(table).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT * FROM " + before + " EXCEPT SELECT * FROM "
                    + live + ") d", Long.class)).as(table).isZero();
        }
        // The swapped-in tables keep the names of their indexes (later migrations may refer to them).
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = 'read_model'"
                + " AND tablename = 'contact'", String.class)).contains("contact_pkey", "contact_search",
                "contact_stage", "contact_tags");
    }

    /** Random creates, patches and deletes of contacts and users, on four threads. */
    private void randomWrites(int count, AtomicBoolean go) {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long seed = t;
            done.add(threads.submit(() -> {
                Random random = new Random(seed);
                List<String> contacts = new ArrayList<>();
                List<String> users = new ArrayList<>();
                for (int i = 0; i < count / 4 && go.get(); i++) {
                    int dice = random.nextInt(100);
                    if (dice < 30 || contacts.isEmpty()) {
                        contacts.add(admin.post("/api/contacts/", """
                                {"firstName": "R%d", "lastName": "Random", "email": "%s@example.com", "stage": "%s",
                                 "tags": ["t%d"]}""".formatted(i, Api.unique("r"), STAGES[random.nextInt(7)],
                                random.nextInt(5))).expect(201).id());
                    } else if (dice < 70) {
                        String patch = switch (random.nextInt(4)) {
                            case 0 -> "{\"stage\": \"" + STAGES[random.nextInt(7)] + "\"}";
                            case 1 -> "{\"tags\": [\"a\", \"b%d\"]}".formatted(random.nextInt(9));
                            case 2 -> "{\"firstName\": \"P%d\", \"phone\": \"+1555%07d\"}".formatted(i, i);
                            default -> users.isEmpty() ? "{\"title\": \"CTO\"}"
                                    : "{\"assignedTo\": \"" + users.get(random.nextInt(users.size())) + "\"}";
                        };
                        admin.patch("/api/contacts/" + contacts.get(random.nextInt(contacts.size())) + "/", patch)
                                .expect(200);
                    } else if (dice < 80) {
                        admin.delete("/api/contacts/" + contacts.remove(random.nextInt(contacts.size())) + "/")
                                .expect(204);
                    } else if (dice < 88 || users.isEmpty()) {
                        users.add(admin.post("/api/users/", """
                                {"firstName": "U", "lastName": "%d", "email": "%s@example.com", "role": "member"}"""
                                .formatted(i, Api.unique("u"))).expect(201).json().at("/user/id").stringValue());
                    } else {
                        String patch = switch (random.nextInt(3)) {
                            case 0 -> "{\"lastName\": \"L%d\"}".formatted(i);
                            case 1 -> "{\"role\": \"" + (random.nextBoolean() ? "auditor" : "member") + "\"}";
                            default -> "{\"active\": " + random.nextBoolean() + "}";
                        };
                        admin.patch("/api/users/" + users.get(random.nextInt(users.size())) + "/", patch).expect(200);
                    }
                }
            }));
        }
        threads.shutdown();
        try {
            for (Future<?> thread : done) {
                thread.get();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode projection(JsonNode list, String name) {
        for (JsonNode projection : list.get("results")) {
            if (projection.get("name").stringValue().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name + " in " + list);
    }
}
