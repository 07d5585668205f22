package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/admin/projections/}: the projections' state, and rebuilding a read model from the events. */
class ProjectionRebuildApiTest extends ApiTest {

    /**
     * Every rebuildable table, and the columns compared. The audit log's {@code position} only orders it:
     * a rebuild numbers the events in export (commit) order, which concurrent writers may have appended to
     * the live log in another order; so it is checked for order, not value.
     */
    private static final Map<String, String> TABLES = Map.ofEntries(Map.entry("contact", "*"),
            Map.entry("app_user", "*"), Map.entry("api_token", "*"), Map.entry("lead", "*"),
            Map.entry("account", "*"), Map.entry("opportunity", "*"), Map.entry("note", "*"), Map.entry("task", "*"),
            Map.entry("contact_version", "*"), Map.entry("lead_version", "*"), Map.entry("account_version", "*"),
            Map.entry("opportunity_version", "*"), Map.entry("note_version", "*"), Map.entry("task_version", "*"),
            Map.entry("event_log", "id, entity_type, entity_id, version, type, occurred_at, actor_id, actor_name, "
                    + "request_id, changes::text AS changes"),
            Map.entry("event_log_record", "*"), Map.entry("report_lead", "*"), Map.entry("report_stage_visit", "*"));
    private static final List<String> PROJECTIONS = List.of("contacts", "users", "leads", "accounts",
            "opportunities", "notes", "tasks", "event-log", "lead-funnel", "stage-durations");
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
        // Another instance rebuilding it holds the projection's advisory lock.
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var lock = connection.prepareStatement(
                    "SELECT pg_advisory_lock(hashtextextended('crm-rebuild:notes', 0))")) {
                lock.execute();
            }
            try {
                admin.post("/api/admin/projections/notes/rebuild/", null).expect(409);
            } finally {
                try (var unlock = connection.prepareStatement(
                        "SELECT pg_advisory_unlock(hashtextextended('crm-rebuild:notes', 0))")) {
                    unlock.execute();
                }
            }
            return null;
        });
        admin.post("/api/admin/projections/planets/rebuild/", null).expect(404);
        admin.post("/api/admin/projections/test-failing-projection/rebuild/", null).expect(409);
    }

    /**
     * A few thousand random writes of every kind of record, then a rebuild of every read model: the rebuilt
     * tables equal the live ones row for row. Then rebuilds while writes go on: once everything is quiet,
     * the tables equal what a replay of the whole store gives, so the swap lost and doubled nothing.
     */
    @Test
    void rebuiltTablesEqualTheLiveOnesRowForRow() throws Exception {
        randomWrites(3000, new AtomicBoolean(true));
        snapshot();
        List<Map<String, Object>> constraints = constraints();
        PROJECTIONS.forEach(this::rebuild);
        assertTablesEqualSnapshot();
        // A rebuild builds its tables' keys after filling them: they are the live tables' keys all the same.
        assertThat(constraints()).isEqualTo(constraints).isNotEmpty();

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<?> writes = background.submit(() -> randomWrites(Integer.MAX_VALUE, writing));
        Thread.sleep(300);
        PROJECTIONS.forEach(this::rebuild);
        writing.set(false);
        writes.get();
        background.shutdown();
        snapshot();
        PROJECTIONS.forEach(this::rebuild);
        assertTablesEqualSnapshot();
    }

    /** The read model's primary keys, unique and exclusion constraints: table, name, definition. */
    private List<Map<String, Object>> constraints() {
        return jdbc.queryForList("""
                SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
                  FROM pg_constraint WHERE connamespace = 'read_model'::regnamespace AND contype IN ('p', 'u', 'x')
                 ORDER BY 1, 2""");
    }

    @AfterEach
    void dropSnapshots() {
        for (String table : TABLES.keySet()) {
            jdbc.execute("DROP TABLE IF EXISTS public.before_" + table);
        }
    }

    private void rebuild(String name) {
        rebuilt(name, Duration.ofMillis(50), Duration.ofSeconds(30));
    }

    /** The projection list, once {@code ready} holds for it (polled for up to 30 s). */
    private JsonNode awaitProjections(String what, Predicate<JsonNode> ready) {
        for (int i = 0; i < 600; i++) {
            JsonNode list = admin.get("/api/admin/projections/").expect(200).json();
            if (ready.test(list)) {
                return list;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("waited in vain for " + what);
    }

    private void snapshot() {
        awaitReportsCaughtUp();
        for (String table : TABLES.keySet()) {
            jdbc.execute("DROP TABLE IF EXISTS public.before_" + table);
            jdbc.execute("CREATE TABLE public.before_" + table + " AS SELECT " + TABLES.get(table)
                    + " FROM read_model." + table);
        }
    }

    /** The report projections run on tracking processors: they catch up with the store a moment later. */
    private void awaitReportsCaughtUp() {
        awaitProjections("the reports to catch up", list -> projection(list, "lead-funnel").get("lag").longValue() == 0
                && projection(list, "stage-durations").get("lag").longValue() == 0);
    }

    private void assertTablesEqualSnapshot() {
        awaitReportsCaughtUp();
        for (String table : TABLES.keySet()) {
            String live = "(SELECT " + TABLES.get(table) + " FROM read_model." + table + ") l";
            String before = "public.before_" + table;
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + live, Long.class)).as(table)
                    .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM " + before, Long.class)).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT * FROM " + live + " EXCEPT SELECT * FROM "
                    + before + ") d", Long.class)).as("%s: %s", table, jdbc.queryForList("SELECT * FROM (SELECT * FROM "
                    + live + " EXCEPT SELECT * FROM " + before + ") d LIMIT 5")).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT * FROM " + before + " EXCEPT SELECT * FROM "
                    + live + ") d", Long.class)).as("%s: %s", table, jdbc.queryForList("SELECT * FROM (SELECT * FROM "
                    + before + " EXCEPT SELECT * FROM " + live + ") d LIMIT 5")).isZero();
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT version, lag(version) OVER (PARTITION BY entity_id ORDER BY position)
                                        AS previous FROM read_model.event_log) e
                 WHERE previous >= version""", Long.class)).as("each record's history in order").isZero();
        // The identity sequence keeps its name, and numbers on after the rebuilt rows.
        assertThat(jdbc.queryForObject("SELECT pg_get_serial_sequence('read_model.event_log', 'position')",
                String.class)).isEqualTo("read_model.event_log_position_seq");
        // The swapped-in tables keep the names of their indexes (later migrations may refer to them).
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = 'read_model'"
                + " AND tablename = 'contact'", String.class)).contains("contact_pkey", "contact_search",
                "contact_stage", "contact_tags");
    }

    /**
     * Random creates, changes and deletes of every kind of record (lead conversions and contact deletions
     * with their cascades included), on four threads.
     */
    private void randomWrites(int count, AtomicBoolean go) {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long seed = t;
            done.add(threads.submit(() -> new RandomWriter(new Random(seed)).write(count / 4, go)));
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

    /** One thread's random writes, on the records it made itself. */
    private final class RandomWriter {

        private final Random random;
        private final List<String> contacts = new ArrayList<>();
        private final List<String> users = new ArrayList<>();
        private final List<String> leads = new ArrayList<>();
        private final List<String> accounts = new ArrayList<>();
        private final List<String> opportunities = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> tasks = new ArrayList<>();

        RandomWriter(Random random) {
            this.random = random;
        }

        void write(int count, AtomicBoolean go) {
            for (int i = 0; i < count && go.get(); i++) {
                int dice = random.nextInt(100);
                if (dice < 20 || contacts.isEmpty()) {
                    contact(i);
                } else if (dice < 40) {
                    admin.patch("/api/contacts/" + pick(contacts) + "/", switch (random.nextInt(5)) {
                        case 0 -> "{\"stage\": \"" + STAGES[random.nextInt(7)] + "\"}";
                        case 1 -> "{\"tags\": [\"a\", \"b%d\"]}".formatted(random.nextInt(9));
                        case 2 -> "{\"firstName\": \"P%d\", \"phone\": \"+1555%07d\"}".formatted(i, i);
                        case 3 -> accounts.isEmpty() ? "{\"emailOptOut\": true}"
                                : "{\"accountId\": \"" + pick(accounts) + "\"}";
                        default -> users.isEmpty() ? "{\"title\": \"CTO\"}"
                                : "{\"assignedTo\": \"" + pick(users) + "\"}";
                    }).expect(200);
                } else if (dice < 44) {
                    admin.delete("/api/contacts/" + contacts.remove(random.nextInt(contacts.size())) + "/")
                            .expect(204);
                } else if (dice < 48 || users.isEmpty()) {
                    users.add(admin.post("/api/users/", """
                            {"firstName": "U", "lastName": "%d", "email": "%s@example.com", "role": "member"}"""
                            .formatted(i, Api.unique("u"))).expect(201).json().at("/user/id").stringValue());
                } else if (dice < 51) {
                    admin.patch("/api/users/" + pick(users) + "/", switch (random.nextInt(3)) {
                        case 0 -> "{\"lastName\": \"L%d\"}".formatted(i);
                        case 1 -> "{\"role\": \"" + (random.nextBoolean() ? "auditor" : "member") + "\"}";
                        default -> "{\"active\": " + random.nextBoolean() + "}";
                    }).expect(200);
                } else if (dice < 57 || leads.isEmpty()) {
                    leads.add(admin.post("/api/leads/", """
                            {"firstName": "L%d", "email": "%s@example.com", "company": "Co %d", "leadScore": %d}"""
                            .formatted(i, Api.unique("l"), i, random.nextInt(100))).expect(201).id());
                } else if (dice < 63) {
                    admin.patch("/api/leads/" + pick(leads) + "/", switch (random.nextInt(4)) {
                        case 0 -> "{\"status\": \"" + (random.nextBoolean() ? "contacted" : "qualified") + "\"}";
                        case 1 -> "{\"leadScore\": " + random.nextInt(100) + "}";
                        case 2 -> "{\"company\": \"Renamed %d\", \"source\": \"web\"}".formatted(i);
                        default -> users.isEmpty() ? "{\"emailBounced\": true}"
                                : "{\"assignedTo\": \"" + pick(users) + "\"}";
                    }).expect(200);
                } else if (dice < 66) {
                    String lead = leads.remove(random.nextInt(leads.size()));
                    JsonNode converted = admin.post("/api/leads/" + lead + "/convert/", random.nextBoolean() ? null
                            : """
                            {"createAccount": true, "accountName": "Conv %d", "createOpportunity": true,
                             "opportunityName": "Deal %d", "opportunityValue": %d.50}""".formatted(i, i, i))
                            .expect(200).json();
                    contacts.add(converted.at("/contact/id").stringValue());
                } else if (dice < 68) {
                    admin.delete("/api/leads/" + leads.remove(random.nextInt(leads.size())) + "/").expect(204);
                } else if (dice < 72 || accounts.isEmpty()) {
                    accounts.add(admin.post("/api/accounts/", """
                            {"name": "Acc %d", "domain": "a%d.example.com", "tags": ["t%d"]}"""
                            .formatted(i, i, random.nextInt(5))).expect(201).id());
                } else if (dice < 75) {
                    admin.patch("/api/accounts/" + pick(accounts) + "/", random.nextBoolean()
                            ? "{\"industry\": \"I%d\", \"tags\": []}".formatted(i)
                            : "{\"name\": \"Renamed %d\"}".formatted(i)).expect(200);
                } else if (dice < 79 || opportunities.isEmpty()) {
                    opportunities.add(admin.post("/api/opportunities/", """
                            {"name": "Opp %d", "value": %d, "accountId": "%s", "contactId": "%s",
                             "closeDate": "2027-0%d-15"}""".formatted(i, random.nextInt(9000), pick(accounts),
                            pick(contacts), 1 + random.nextInt(9))).expect(201).id());
                } else if (dice < 83) {
                    admin.patch("/api/opportunities/" + pick(opportunities) + "/", switch (random.nextInt(3)) {
                        case 0 -> "{\"stage\": \"" + (random.nextBoolean() ? "proposal" : "closed_won") + "\"}";
                        case 1 -> "{\"value\": %d.25, \"closeDate\": null}".formatted(i);
                        default -> "{\"contactId\": \"" + pick(contacts) + "\"}";
                    }).expect(200);
                } else if (dice < 84) {
                    admin.delete("/api/opportunities/" + opportunities.remove(random.nextInt(opportunities.size()))
                            + "/").expect(204);
                } else if (dice < 88 || notes.isEmpty()) {
                    notes.add(admin.post("/api/contacts/" + pick(contacts) + "/notes/", "{\"body\": \"Note %d\"}"
                            .formatted(i)).expect(201).id());
                } else if (dice < 90) {
                    admin.patch("/api/notes/" + pick(notes) + "/", "{\"body\": \"Edited %d\"}".formatted(i))
                            .expectAny(200, 404);
                } else if (dice < 91) {
                    admin.delete("/api/notes/" + notes.remove(random.nextInt(notes.size())) + "/")
                            .expectAny(204, 404);
                } else if (dice < 95 || tasks.isEmpty()) {
                    tasks.add(admin.post("/api/tasks/", """
                            {"title": "Task %d", "dueAt": "2027-01-0%dT09:30:00.9999996Z", "contactId": "%s"}"""
                            .formatted(i, 1 + random.nextInt(9), pick(contacts))).expect(201).id());
                } else if (dice < 99) {
                    admin.patch("/api/tasks/" + pick(tasks) + "/", switch (random.nextInt(3)) {
                        case 0 -> "{\"status\": \"" + (random.nextBoolean() ? "done" : "open") + "\"}";
                        case 1 -> "{\"title\": \"Moved %d\", \"dueAt\": null}".formatted(i);
                        default -> users.isEmpty() ? "{\"contactId\": null}"
                                : "{\"assignedTo\": \"" + pick(users) + "\"}";
                    }).expectAny(200, 404);
                } else {
                    admin.delete("/api/tasks/" + tasks.remove(random.nextInt(tasks.size())) + "/").expectAny(204, 404);
                }
            }
        }

        private void contact(int i) {
            contacts.add(admin.post("/api/contacts/", """
                    {"firstName": "R%d", "lastName": "Random", "email": "%s@example.com", "stage": "%s",
                     "tags": ["t%d"]}""".formatted(i, Api.unique("r"), STAGES[random.nextInt(7)],
                    random.nextInt(5))).expect(201).id());
        }

        private String pick(List<String> ids) {
            return ids.get(random.nextInt(ids.size()));
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
