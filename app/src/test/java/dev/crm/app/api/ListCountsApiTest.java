package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import dev.crm.query.sql.ListReads;
import dev.crm.query.sql.RowCounts;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts lists show come from counts the read model keeps ({@code row_count}) rather than from counting
 * rows: they must always equal what counting the rows gives, through creates, changes and deletes, after
 * the deltas are folded, and after a rebuild; and a page found through the index alone must hold the rows a
 * plain {@code OFFSET} query gives.
 */
class ListCountsApiTest extends ApiTest {

    private static final String[] STAGES = {"new", "contacted", "engaged", "customer", "inactive"};

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private RowCounts counts;
    @Autowired
    private ListReads lists;

    @Test
    void liveListsPlanGenericallyWithoutParallelWorkersAndNothingElseDoes() {
        assertThat(lists.jdbc().getJdbcTemplate().queryForObject("SHOW plan_cache_mode", String.class))
                .isEqualTo("force_generic_plan");
        assertThat(lists.jdbc().getJdbcTemplate().queryForObject("SHOW max_parallel_workers_per_gather",
                String.class)).isEqualTo("0");
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("auto");
        assertThat(jdbc.queryForObject("SHOW max_parallel_workers_per_gather", String.class)).isNotEqualTo("0");
    }

    @Test
    void keptCountsEqualCountedRowsThroughWritesCompactionAndRebuilds() {
        Random random = new Random(7);
        String tag = Api.unique("tag").toLowerCase();
        List<String> contacts = new ArrayList<>();
        // Created hours before they change: the versions' counts then have hours whose sum is negative (versions
        // that ended there and began before), which a count must keep as they are.
        writeAt(Instant.now().minus(Duration.ofHours(3)), () -> {
            for (int i = 0; i < 60; i++) {
                String stage = STAGES[random.nextInt(STAGES.length)];
                contacts.add(admin.post("/api/contacts/", """
                        {"lastName": "Counted%d", "email": "%s@example.com", "stage": "%s", "tags": ["%s", "t%d"]}"""
                        .formatted(i, Api.unique("counted"), stage, tag, i % 3)).expect(201).json().get("id")
                        .stringValue());
            }
        });
        for (int i = 0; i < 40; i++) {
            String id = contacts.get(random.nextInt(contacts.size()));
            switch (random.nextInt(3)) {
                case 0 -> admin.patch("/api/contacts/" + id + "/", "{\"stage\": \"%s\"}"
                        .formatted(STAGES[random.nextInt(STAGES.length)])).expect(200);
                case 1 -> admin.patch("/api/contacts/" + id + "/", "{\"tags\": [\"t%d\"]}"
                        .formatted(random.nextInt(3))).expect(200);
                default -> {
                    if (admin.delete("/api/contacts/" + id + "/").status() == 204) {
                        contacts.remove(id);
                    }
                }
            }
        }
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            leads.add(admin.post("/api/leads/", """
                    {"lastName": "Counted%d", "email": "%s@example.com"%s}"""
                    .formatted(i, Api.unique("lead"), score(random))).expect(201).json().get("id").stringValue());
        }
        for (int i = 0; i < 20; i++) {
            String id = leads.get(random.nextInt(leads.size()));
            if (i % 5 != 4) {
                admin.patch("/api/leads/" + id + "/", "{\"leadScore\": %s}".formatted(
                        random.nextInt(4) == 0 ? "null" : random.nextInt(101))).expect(200);
            } else if (admin.delete("/api/leads/" + id + "/").status() == 204) {
                leads.remove(id);
            }
        }
        assertCountsEqualRows();
        assertListCountsEqualRows(tag);

        counts.compact(); // it runs every few seconds on its own too

        assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM read_model.row_count"
                + " GROUP BY table_name, key, hour HAVING count(*) > 1) k", Long.class)).as("one row per key").isZero();
        assertCountsEqualRows();

        for (String projection : List.of("contacts", "leads", "event-log")) {
            rebuilt(projection, Duration.ofMillis(50), Duration.ofSeconds(30));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.row_count WHERE table_name LIKE '%_rebuild'",
                Long.class)).as("no shadow's counts left behind").isZero();
        assertCountsEqualRows();
        assertListCountsEqualRows(tag);

        counts.reindex(); // what a swap does after moving in a large table's counts; the writes after it keep counting
        contacts.add(admin.post("/api/contacts/", """
                {"lastName": "Reindexed", "email": "%s@example.com", "tags": ["%s"]}"""
                .formatted(Api.unique("counted"), tag)).expect(201).id());
        assertThat(jdbc.queryForList("""
                SELECT c.relname || ' ' || i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                 WHERE i.indrelid = 'read_model.row_count'::regclass""", String.class))
                .containsExactlyInAnyOrder("row_count_key true", "row_count_fresh true");
        assertCountsEqualRows();
        assertListCountsEqualRows(tag);
    }

    @Test
    void aDeepPageHoldsTheRowsAnOffsetQueryGives() {
        Instant before = Instant.now().minusSeconds(1);
        String tag = Api.unique("deep").toLowerCase();
        for (int i = 0; i < 45; i++) {
            admin.post("/api/contacts/", """
                    {"lastName": "Deep%02d", "email": "%s@example.com", "tags": ["%s"]}"""
                    .formatted(i % 7, Api.unique("deep"), tag)).expect(201);
        }
        for (String ordering : List.of("lastName", "-lastName", "createdAt", "-updatedAt", "email")) {
            List<String> all = new ArrayList<>();
            for (int page = 1; page <= 5; page++) {
                JsonNode answer = admin.get("/api/contacts/?tags=" + tag + "&limit=10&ordering=" + ordering + "&page="
                        + page).expect(200).json();
                assertThat(answer.get("count").longValue()).isEqualTo(45);
                answer.get("results").forEach(contact -> all.add(contact.get("id").stringValue()));
            }
            assertThat(all).as(ordering).hasSize(45).doesNotHaveDuplicates();
            String column = switch (ordering.replace("-", "")) {
                case "lastName" -> "lower(last_name)";
                case "email" -> "lower(email)";
                case "createdAt" -> "created_at";
                default -> "updated_at";
            };
            String direction = ordering.startsWith("-") ? " DESC" : " ASC";
            assertThat(all).as(ordering).isEqualTo(jdbc.queryForList("SELECT id FROM read_model.contact"
                    + " WHERE tags @> ?::text[] ORDER BY " + column + direction + ", id" + direction, String.class,
                    "{" + tag + "}"));

            // A time window, which is found, counted and sorted in one pass.
            String window = "createdAfter=" + before + "&createdBefore=" + Instant.now().plusSeconds(3600);
            List<String> inWindow = jdbc.queryForList("SELECT id FROM read_model.contact WHERE created_at > ?"
                    + " ORDER BY " + column + direction + ", id" + direction, String.class, Timestamp.from(before));
            List<String> paged = new ArrayList<>();
            for (int page = 1; page <= (inWindow.size() + 9) / 10 + 1; page++) {
                JsonNode answer = admin.get("/api/contacts/?" + window + "&limit=10&ordering=" + ordering + "&page="
                        + page).expect(200).json();
                assertThat(answer.get("count").longValue()).isEqualTo(inWindow.size());
                answer.get("results").forEach(contact -> paged.add(contact.get("id").stringValue()));
            }
            assertThat(paged).as("window, " + ordering).isEqualTo(inWindow);
        }
    }

    /**
     * A time window's count is the hours it holds whole, kept per hour, and the rows of its partial hours: it
     * must equal the rows in the window wherever its ends fall (on the hour, a millisecond off it, inside one
     * hour, open). The records are written at chosen instants of months no other test writes in, after the
     * instants AsOfListApiTest's lists and reports look at (whatever order the test classes run in).
     */
    @Test
    void timeWindowsCountTheRowsInThem() {
        Instant start = Instant.parse("2025-07-01T00:00:00Z");
        Random random = new Random(23);
        List<Instant> written = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant at = start.plusMillis(random.nextLong(Duration.ofHours(30).toMillis()))
                    .truncatedTo(i % 5 == 0 ? ChronoUnit.HOURS : ChronoUnit.MILLIS);
            written.add(at);
            writeAt(at, () -> {
                admin.post("/api/contacts/", """
                        {"lastName": "Window", "email": "%s@example.com"}""".formatted(Api.unique("w"))).expect(201);
                admin.post("/api/leads/", """
                        {"lastName": "Window", "email": "%s@example.com"}""".formatted(Api.unique("w"))).expect(201);
            });
        }
        List<Instant> ends = new ArrayList<>(List.of(start.minusSeconds(1), start.plus(Duration.ofHours(31))));
        for (Instant at : written.subList(0, 10)) {
            ends.addAll(List.of(at, at.minusMillis(1), at.plusMillis(1), at.truncatedTo(ChronoUnit.HOURS)));
        }
        for (int i = 0; i < 30; i++) {
            Instant after = ends.get(random.nextInt(ends.size()));
            Instant before = ends.get(random.nextInt(ends.size()));
            for (String window : List.of("createdAfter=" + after + "&createdBefore=" + before,
                    "createdAfter=" + after, "createdBefore=" + before)) {
                assertWindowCount("/api/contacts/?" + window, "contact", "created_at", window);
                assertWindowCount("/api/leads/?" + window, "lead", "created_at", window);
                String audit = window.replace("createdAfter", "after").replace("createdBefore", "before");
                assertWindowCount("/api/audit-log/?" + audit, "event_log", "occurred_at", window);
            }
        }
    }

    private void assertWindowCount(String path, String table, String column, String window) {
        List<String> bounds = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String bound : window.split("&")) {
            String[] pair = bound.split("=", 2);
            bounds.add(column + (pair[0].endsWith("After") ? " > ?" : " < ?"));
            values.add(Timestamp.from(Instant.parse(pair[1])));
        }
        assertThat(count(path)).as(path).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM read_model." + table
                + " WHERE " + String.join(" AND ", bounds), Long.class, values.toArray()));
    }

    /**
     * A deep page of contacts by creation time, all of them or those of one stage or tag, and of all contacts by
     * update time, starts from the hour (of one stage or tag: the day) the kept counts say it begins in, where
     * they are crowded enough to be worth reading: its rows must be those a plain {@code OFFSET} query gives,
     * wherever the page falls (across hours and days, inside a crowded one, at either end), in both directions,
     * and where the hours are too sparse and the list is walked instead. The contacts crowd three days (some at
     * the start of an hour or a day) and then thin out over the next ten hours; a third of the contacts are
     * changed later, some within their hour and some a day on
     * (which moves them to another hour of update); all are written at chosen instants of months no other test
     * writes in (as above).
     */
    @Test
    void deepPagesByCreationOrUpdateTimeHoldTheRowsOfTheirPositions() {
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        String tag = Api.unique("seek").toLowerCase();
        Random random = new Random(22);
        for (int i = 0; i < 500; i++) {
            Instant at = i % 20 == 0
                    ? start.plus(Duration.ofDays(3)).plusMillis(random.nextLong(Duration.ofHours(10).toMillis()))
                    : start.plusMillis(random.nextLong(Duration.ofDays(3).toMillis())).truncatedTo(
                            i % 25 == 0 ? ChronoUnit.DAYS : i % 6 == 0 ? ChronoUnit.HOURS : ChronoUnit.MILLIS);
            String stageAndTags = i % 7 == 0 ? "\"stage\": \"customer\""
                    : "\"stage\": \"engaged\", \"tags\": [\"%s\"]".formatted(tag);
            String id = answerAt(at, () -> admin.post("/api/contacts/", """
                    {"lastName": "Seek", "email": "%s@example.com", %s}"""
                    .formatted(Api.unique("s"), stageAndTags)).expect(201).json().get("id").stringValue());
            if (i % 3 == 0) {
                Instant changed = at.plusMillis(i % 2 == 0 ? 1 : Duration.ofDays(1).toMillis() + random.nextInt(99));
                writeAt(changed, () -> admin.patch("/api/contacts/" + id + "/", "{\"title\": \"Changed\"}")
                        .expect(200));
            }
        }
        // Each write appended its own counts; folded, as they are within seconds, an hour is one kept count.
        counts.compact();
        Map<String, String> lists = Map.of("", "", "stage=engaged&", " WHERE stage = 'engaged'",
                "tags=" + tag + "&", " WHERE tags @> '{" + tag + "}'");
        lists.forEach((filter, where) -> {
            long total = rows("SELECT count(*) FROM read_model.contact" + where);
            int limit = 7;
            for (String ordering : List.of("createdAt", "-createdAt", "updatedAt", "-updatedAt")) {
                String direction = ordering.startsWith("-") ? " DESC" : " ASC";
                String column = ordering.endsWith("createdAt") ? "created_at" : "updated_at";
                for (long page = 1; page <= (total + limit - 1) / limit; page++) {
                    long offset = (page - 1) * limit;
                    if (offset > 500 && offset < total - 500) {
                        continue;
                    }
                    List<String> ids = new ArrayList<>();
                    admin.get("/api/contacts/?" + filter + "limit=" + limit + "&ordering=" + ordering + "&page="
                            + page).expect(200).json().get("results").forEach(c -> ids.add(c.get("id").stringValue()));
                    assertThat(ids).as("%s%s page %d", filter, ordering, page).isEqualTo(jdbc.queryForList(
                            "SELECT id FROM read_model.contact" + where + " ORDER BY " + column + direction
                                    + ", id" + direction + " LIMIT ? OFFSET ?", String.class, limit, offset));
                }
            }
        });
    }

    /**
     * Deep pages of the leads by score begin at the score the kept counts of each score say: they must hold the
     * leads a plain {@code OFFSET} query gives, in both directions (a page past the middle is read from the other
     * end), with leads of no score (ranked lowest) and scores changed and removed, before the counts are folded
     * and after.
     */
    @Test
    void deepPagesByScoreHoldTheLeadsOfTheirPositions() {
        Random random = new Random(25);
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            leads.add(admin.post("/api/leads/", """
                    {"lastName": "Scored", "email": "%s@example.com"%s}"""
                    .formatted(Api.unique("scored"), score(random))).expect(201).json().get("id").stringValue());
        }
        for (int i = 0; i < 60; i++) {
            admin.patch("/api/leads/" + leads.get(random.nextInt(leads.size())) + "/", "{\"leadScore\": %s}"
                    .formatted(random.nextInt(5) == 0 ? "null" : random.nextInt(101))).expect(200);
        }
        for (boolean folded : new boolean[] {false, true}) {
            if (folded) {
                counts.compact();
            }
            long total = rows("SELECT count(*) FROM read_model.lead");
            int limit = 9;
            for (String ordering : List.of("leadScore", "-leadScore")) {
                String direction = ordering.startsWith("-") ? " DESC" : " ASC";
                for (long page = 1; page <= (total + limit - 1) / limit; page++) {
                    List<String> ids = new ArrayList<>();
                    admin.get("/api/leads/?limit=" + limit + "&ordering=" + ordering + "&page=" + page).expect(200)
                            .json().get("results").forEach(lead -> ids.add(lead.get("id").stringValue()));
                    assertThat(ids).as("%s page %d, folded %s", ordering, page, folded).isEqualTo(jdbc.queryForList(
                            "SELECT id FROM read_model.lead ORDER BY coalesce(lead_score, -1)" + direction + ", id"
                                    + direction + " LIMIT ? OFFSET ?", String.class, limit, (page - 1) * limit));
                }
            }
        }
    }

    /** A lead's score as a field of its JSON, or nothing, which leaves the lead unscored. */
    private static String score(Random random) {
        return random.nextInt(6) == 0 ? "" : ", \"leadScore\": " + random.nextInt(101);
    }

    /**
     * The first pages of a time window of the audit log are taken from the first entries of each hour it spans:
     * they must hold the entries a plain {@code OFFSET} query gives, in both directions, wherever the window's
     * ends fall (on the hour, inside one, on an entry's own instant, which is outside), with entries written out
     * of time order so that positions and hours do not go together; the later pages of each window are found by
     * sorting the window's entries, and must agree too. Written at chosen instants of a month no other test
     * writes in (as above).
     */
    @Test
    void windowPagesOfTheAuditLogHoldTheEntriesOfTheirPositions() {
        Instant start = Instant.parse("2025-05-01T00:00:00Z");
        Random random = new Random(24);
        List<Instant> written = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Instant at = start.plusMillis(random.nextLong(Duration.ofHours(6).toMillis()))
                    .truncatedTo(i % 9 == 0 ? ChronoUnit.HOURS : ChronoUnit.MILLIS);
            written.add(at);
            writeAt(at, () -> admin.post("/api/contacts/", """
                    {"lastName": "Merge", "email": "%s@example.com"}""".formatted(Api.unique("m"))).expect(201));
        }
        List<List<Instant>> windows = List.of(
                List.of(start.minusSeconds(1), start.plus(Duration.ofHours(6))),
                List.of(start, start.plus(Duration.ofHours(5))),
                List.of(start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(250))),
                List.of(written.get(1), written.get(2)).stream().sorted().toList(),
                List.of(start.plus(Duration.ofMinutes(70)), start.plus(Duration.ofMinutes(110))));
        int limit = 5;
        for (List<Instant> window : windows) {
            Object[] bounds = {Timestamp.from(window.get(0)), Timestamp.from(window.get(1))};
            long total = rows("SELECT count(*) FROM read_model.event_log WHERE occurred_at > ? AND occurred_at < ?",
                    bounds);
            for (String ordering : List.of("occurredAt", "-occurredAt")) {
                String direction = ordering.startsWith("-") ? " DESC" : " ASC";
                for (long page = 1; page <= (total + limit - 1) / limit; page++) {
                    String path = "/api/audit-log/?after=%s&before=%s&limit=%d&ordering=%s&page=%d"
                            .formatted(window.get(0), window.get(1), limit, ordering, page);
                    List<String> ids = new ArrayList<>();
                    JsonNode answer = admin.get(path).expect(200).json();
                    answer.get("results").forEach(e -> ids.add(e.get("id").stringValue()));
                    assertThat(answer.get("count").longValue()).as(path).isEqualTo(total);
                    assertThat(ids).as(path).isEqualTo(jdbc.queryForList("SELECT id FROM read_model.event_log"
                            + " WHERE occurred_at > ? AND occurred_at < ? ORDER BY position" + direction + ", id"
                            + direction + " LIMIT ? OFFSET ?", String.class, bounds[0], bounds[1], limit,
                            (page - 1) * limit));
                }
            }
        }
    }

    /**
     * A window's pages are walked along the positions from the window's edge (WindowWalk) only as far as a
     * bounded number of entries: where entries of other times lie between the window's, more of them than that,
     * the walk comes back short and the page is found by the other ways. Either way each page holds exactly the
     * entries of its positions. Written at instants of a month no other test writes in (as above).
     */
    @Test
    void windowPagesHoldTheirEntriesAlsoWhereOtherTimesLieBetweenThem() {
        Instant inside = Instant.parse("2025-06-01T10:00:00Z");
        Instant outside = Instant.parse("2025-06-03T10:00:00Z");
        writeAt(inside, () -> admin.post("/api/contacts/", """
                {"lastName": "Walk", "email": "%s@example.com"}""".formatted(Api.unique("w"))).expect(201));
        for (int i = 0; i < 120; i++) { // more than a first page of 3 walks over (WindowWalk.steps: 106)
            writeAt(outside.plusSeconds(i), () -> admin.post("/api/contacts/", """
                    {"lastName": "Between", "email": "%s@example.com"}""".formatted(Api.unique("b"))).expect(201));
        }
        for (int i = 0; i < 3; i++) {
            writeAt(inside.plusSeconds(60 + i), () -> admin.post("/api/contacts/", """
                    {"lastName": "Walk", "email": "%s@example.com"}""".formatted(Api.unique("w"))).expect(201));
        }
        Instant after = inside.minusSeconds(1);
        Instant before = inside.plusSeconds(3600);
        for (String ordering : List.of("occurredAt", "-occurredAt")) {
            String direction = ordering.startsWith("-") ? " DESC" : " ASC";
            for (int page = 1; page <= 2; page++) {
                String path = "/api/audit-log/?after=%s&before=%s&limit=%d&ordering=%s&page=%d"
                        .formatted(after, before, 3, ordering, page);
                JsonNode answer = admin.get(path).expect(200).json();
                List<String> ids = new ArrayList<>();
                answer.get("results").forEach(e -> ids.add(e.get("id").stringValue()));
                assertThat(answer.get("count").longValue()).as(path).isEqualTo(4);
                assertThat(ids).as(path).hasSize(page == 1 ? 3 : 1).isEqualTo(jdbc.queryForList(
                        "SELECT id FROM read_model.event_log WHERE occurred_at > ? AND occurred_at < ? ORDER BY"
                                + " position" + direction + " LIMIT 3 OFFSET ?", String.class, Timestamp.from(after),
                        Timestamp.from(before), (page - 1) * 3));
            }
        }
    }

    /**
     * A page past the middle of its list is read from the other end and turned round: the pages, last ones
     * included, still hold exactly the rows in the list's order, where ties on the sort key (equal names, equal
     * scores) and missing last names (sorted after every name ascending, before descending) are the hard part.
     */
    @Test
    void pagesPastTheMiddleHoldTheRowsOfTheirPositions() {
        String source = Api.unique("far").toLowerCase();
        for (int i = 0; i < 17; i++) {
            String name = i % 4 == 0 ? "\"firstName\": \"Only\"" : "\"lastName\": \"Far%d\"".formatted(i % 3);
            admin.post("/api/leads/", """
                    {%s, "email": "%s@example.com", "source": "%s", "leadScore": %d}"""
                    .formatted(name, Api.unique("far"), source, i % 5 * 10)).expect(201);
        }
        for (String ordering : List.of("leadScore", "-leadScore", "lastName", "-lastName", "-createdAt")) {
            String column = switch (ordering.replace("-", "")) {
                case "leadScore" -> "lead_score";
                case "lastName" -> "lower(last_name)";
                default -> "created_at";
            };
            String direction = ordering.startsWith("-") ? " DESC" : " ASC";
            List<String> paged = new ArrayList<>();
            for (int page = 1; page <= 6; page++) {
                JsonNode answer = admin.get("/api/leads/?source=" + source + "&limit=3&ordering=" + ordering
                        + "&page=" + page).expect(200).json();
                assertThat(answer.get("count").longValue()).isEqualTo(17);
                assertThat(answer.get("results")).as("%s page %d", ordering, page).hasSize(page < 6 ? 3 : 2);
                answer.get("results").forEach(lead -> paged.add(lead.get("id").stringValue()));
            }
            assertThat(paged).as(ordering).isEqualTo(jdbc.queryForList("SELECT id FROM read_model.lead"
                    + " WHERE source = ? ORDER BY " + column + direction + ", id" + direction, String.class, source));
        }
    }

    /** Makes {@code writes} with the events' clock fixed at {@code at}: their records are created then. */
    private static void writeAt(Instant at, Runnable writes) {
        answerAt(at, () -> {
            writes.run();
            return null;
        });
    }

    /** What {@code writes} answers, made with the events' clock fixed at {@code at}. */
    private static <T> T answerAt(Instant at, Supplier<T> writes) {
        Clock systemClock = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(at, ZoneOffset.UTC);
        try {
            return writes.get();
        } finally {
            GenericEventMessage.clock = systemClock;
        }
    }

    /**
     * Every key of every counted table: the kept count equals the rows counted; per hour of the column a time
     * window filters by (created_at, occurred_at), the rows in it, and for contacts and leads those of each
     * counted value; per hour of update, the contacts changed last in it; for a versions table, per hour, the
     * versions that began in it less those that ended in it.
     */
    private void assertCountsEqualRows() {
        String live = "'-infinity'::timestamptz, count(*)";
        String hours = " UNION ALL SELECT '%1$s', date_trunc('hour', %1$s, 'UTC'), count(*)"
                + " FROM read_model.%2$s GROUP BY 2";
        String keyHours = " UNION ALL SELECT 'created_at|' || k.key, date_trunc('day', r.created_at, 'UTC'), count(*)"
                + " FROM read_model.%s r, %s AS k(key) WHERE k.key <> '' GROUP BY 1, 2";
        String versions = "h.hour, sum(h.n) FROM read_model.%s_version r,"
                + " read_model.version_hours(r.updated_at, r.valid_to) h,";
        Map<String, String> recount = Map.of(
                "contact", "SELECT k.key, " + live + " FROM read_model.contact r,"
                        + " read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS k(key) GROUP BY k.key"
                        + hours.formatted("created_at", "contact") + hours.formatted("updated_at", "contact")
                        + keyHours.formatted("contact",
                        "read_model.contact_count_keys(r.stage, r.assigned_to, r.tags)")
                        + " UNION ALL SELECT k.key, " + live + " FROM read_model.contact r,"
                        + " read_model.contact_ranges('contact', r.last_name, r.email, r.id) AS k(key) GROUP BY k.key",
                "lead", "SELECT k.key, " + live + " FROM read_model.lead r,"
                        + " read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS k(key) GROUP BY k.key"
                        + hours.formatted("created_at", "lead") + keyHours.formatted("lead",
                        "read_model.lead_count_keys(r.status, r.source, r.assigned_to)")
                        + " UNION ALL SELECT 'lead_score=' || coalesce(lead_score, -1), " + live
                        + " FROM read_model.lead GROUP BY 1",
                "event_log", "SELECT k.key, " + live + " FROM read_model.event_log r,"
                        + " read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id) AS k(key)"
                        + " GROUP BY k.key" + hours.formatted("occurred_at", "event_log"),
                "contact_version", "SELECT k.key, " + versions.formatted("contact")
                        + " read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS k(key)"
                        + " GROUP BY k.key, h.hour HAVING sum(h.n) <> 0",
                "lead_version", "SELECT k.key, " + versions.formatted("lead")
                        + " read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS k(key)"
                        + " GROUP BY k.key, h.hour HAVING sum(h.n) <> 0");
        recount.forEach((table, sql) -> {
            String kept = "SELECT key, hour, sum(n) FROM read_model.row_count WHERE table_name = '" + table
                    + "' GROUP BY key, hour HAVING sum(n) <> 0";
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + sql + ")) d", Long.class))
                    .as("counts of %s", table).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ((" + sql + ") EXCEPT (" + kept + ")) d", Long.class))
                    .as("counts of %s", table).isZero();
        });
    }

    /** What the API answers as {@code count} for lists whose counts are kept. */
    private void assertListCountsEqualRows(String tag) {
        assertThat(count("/api/contacts/")).isEqualTo(rows("SELECT count(*) FROM read_model.contact"));
        assertThat(count("/api/contacts/?tags=" + tag)).isEqualTo(
                rows("SELECT count(*) FROM read_model.contact WHERE tags @> '{" + tag + "}'"));
        for (String stage : STAGES) {
            assertThat(count("/api/contacts/?stage=" + stage)).isEqualTo(
                    rows("SELECT count(*) FROM read_model.contact WHERE stage = '" + stage + "'"));
        }
        assertThat(count("/api/leads/?status=new")).isEqualTo(
                rows("SELECT count(*) FROM read_model.lead WHERE status = 'new'"));
        assertThat(count("/api/audit-log/")).isEqualTo(rows("SELECT count(*) FROM read_model.event_log"));
        assertThat(count("/api/audit-log/?type=contact.created")).isEqualTo(
                rows("SELECT count(*) FROM read_model.event_log WHERE type = 'contact.created'"));
    }

    private long count(String path) {
        return admin.get(path).expect(200).json().get("count").longValue();
    }

    private long rows(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
