package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code asOf} on lists and the {@code stage-counts} report, against a model of what the writes did.
 * <p>
 * The events are written through the API, with the clock the events take their time from set to instants of
 * a past year that no other test writes in (days apart, hours apart, at midnight exactly, a millisecond
 * apart): so the lists as of those instants hold this test's contacts only. Every write's answer is the record
 * as it then was; the model keeps them, and answers "the record as of T" with the last answer up to T, as
 * replaying the record's events up to T gives it. Random instants, filters, orderings and page sizes, as an
 * admin (deleted records as they were) and as a member (deleted records left out), must then list exactly
 * the model's records, in its order, with its count; each record as of each instant must equal the model's;
 * the stage counts at every boundary of a day, week and month interval must equal the model's.
 */
class AsOfListApiTest extends ApiTest {

    private static final String[] STAGES = {"new", "contacted", "engaged", "proposal_sent", "negotiation",
            "customer", "inactive"};
    /** The stages the writes move contacts into: none leaves "inactive", as the reports' test expects of all. */
    private static final String[] WRITTEN = {"new", "contacted", "engaged", "proposal_sent", "negotiation",
            "customer"};
    private static final String[] TAGS = {"vip", "emea", "beta"};
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private final SettableClock clock = new SettableClock(START);
    private Clock systemClock;

    @BeforeEach
    void writeEventsAtChosenInstants() {
        systemClock = GenericEventMessage.clock;
    }

    @AfterEach
    void restoreTheClock() {
        GenericEventMessage.clock = systemClock;
    }

    @Test
    void listsAsOfAnyInstantEqualWhatTheEventsUpToItGive() {
        Random random = new Random(17);
        Api member = newUser("member");
        List<String> users = List.of(member.userId(), newUser("member").userId());
        Model model = new Model();
        List<Instant> instants = new ArrayList<>();
        GenericEventMessage.clock = clock;
        for (int step = 0; step < 120; step++) {
            advance(random);
            instants.add(clock.instant());
            write(random, model, users);
        }
        GenericEventMessage.clock = systemClock;
        Instant end = clock.instant();

        List<Instant> probes = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Instant at = instants.get(random.nextInt(instants.size()));
            probes.add(switch (i % 4) {
                case 0 -> at; // the very instant of a write: it counts
                case 1 -> at.minusMillis(1);
                case 2 -> at.plusMillis(random.nextInt(3_600_000));
                default -> at.truncatedTo(ChronoUnit.DAYS); // a midnight, where hours and days begin
            });
        }
        probes.add(START.minusSeconds(1));
        for (Instant at : probes) {
            String filter = randomFilter(random, users);
            String ordering = List.of("createdAt", "-createdAt", "updatedAt", "-updatedAt", "lastName", "-email")
                    .get(random.nextInt(6));
            assertList(admin, model, at, filter, ordering, true, 3 + random.nextInt(25));
        }
        for (Instant at : probes.subList(0, 8)) {
            assertList(member, model, at, randomFilter(random, users), "-createdAt", false, 100);
        }
        for (String id : model.ids()) {
            for (int i = 0; i < 2; i++) {
                Instant at = probes.get(random.nextInt(probes.size()));
                JsonNode expected = model.asOf(id, at);
                Api.Response answer = admin.get("/api/contacts/" + id + "/?asOf=" + at);
                if (expected == null) {
                    answer.expect(404);
                } else {
                    assertThat(answer.expect(200).json()).as("%s as of %s", id, at).isEqualTo(expected);
                }
            }
        }
        // Past the last write, the list as of an instant is the list of now.
        JsonNode now = admin.get("/api/contacts/?asOf=" + end.plusSeconds(1) + "&createdBefore=" + end.plusSeconds(1)
                + "&createdAfter=" + START.minusSeconds(1) + "&limit=100").expect(200).json();
        assertThat(now.get("count").longValue()).isEqualTo(model.at(Instant.now(), true).size());

        for (String interval : List.of("day", "week", "month")) {
            assertStageCounts(admin, model, interval, START.minus(Duration.ofDays(3)), end.plus(Duration.ofDays(2)), true);
        }
        assertStageCounts(member, model, "week", START, end, false);
    }

    @Test
    void badInstantsAndIntervalsAreA400() {
        admin.get("/api/contacts/?asOf=yesterday").expect(400);
        admin.get("/api/leads/?asOf=2024-13-01").expect(400);
        admin.get("/api/reports/stage-counts/?entityType=contact&from=2024-01-01&to=2023-01-01&interval=day")
                .expect(400);
        admin.get("/api/reports/stage-counts/?entityType=contact&from=2020-01-01&to=2024-01-01&interval=day")
                .expect(400);
        admin.get("/api/reports/stage-counts/?entityType=user&from=2024-01-01&to=2024-02-01&interval=day")
                .expect(400);
        admin.get("/api/reports/stage-counts/?entityType=lead&from=2024-01-01&to=2024-02-01&interval=year")
                .expect(400);
        JsonNode leads = admin.get("/api/reports/stage-counts/?entityType=lead&from=2024-01-01T12:00:00Z"
                + "&to=2024-03-01&interval=month").expect(200).json();
        assertThat(leads.get("points").size()).isEqualTo(2); // February 1st and March 1st
        assertThat(leads.at("/points/0/at").stringValue()).isEqualTo("2024-02-01T00:00:00Z");
        assertThat(leads.at("/points/0/counts/converted").longValue()).isZero();
        // Every list takes asOf, and its next link keeps it.
        for (String list : List.of("contacts", "leads", "accounts", "opportunities", "tasks")) {
            admin.get("/api/" + list + "/?asOf=2024-01-01").expect(200);
        }
    }

    private void advance(Random random) {
        Duration step = switch (random.nextInt(6)) {
            case 0 -> Duration.ofMillis(1);
            case 1 -> Duration.ofMinutes(1 + random.nextInt(50));
            case 2 -> Duration.ofHours(1 + random.nextInt(20));
            case 3 -> Duration.ofDays(1 + random.nextInt(9));
            case 4 -> Duration.between(clock.instant(), clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
            default -> Duration.ofSeconds(1 + random.nextInt(600));
        };
        clock.set(clock.instant().plus(step));
    }

    /** One random write, whose answer (or deletion) the model keeps. */
    private void write(Random random, Model model, List<String> users) {
        List<String> live = model.live();
        int kind = live.size() < 6 ? 0 : random.nextInt(10);
        if (kind <= 3) {
            int n = model.ids().size();
            String assignee = random.nextBoolean() ? "\"" + users.get(random.nextInt(users.size())) + "\"" : "null";
            JsonNode created = admin.post("/api/contacts/", """
                    {"firstName": "Ada", "lastName": "Last%03d", "email": "asof%03d-%s@example.com", "stage": "%s",
                     "assignedTo": %s, "tags": [%s]}""".formatted(n, n, Api.unique("x"),
                    WRITTEN[random.nextInt(WRITTEN.length)], assignee, randomTags(random))).expect(201).json();
            model.wrote(created);
            return;
        }
        String id = live.get(random.nextInt(live.size()));
        String path = "/api/contacts/" + id + "/";
        switch (kind) {
            case 4, 5 -> model.wrote(admin.patch(path, "{\"stage\": \"%s\"}"
                    .formatted(WRITTEN[random.nextInt(WRITTEN.length)])).expect(200).json());
            case 6 -> model.wrote(admin.patch(path, "{\"assignedTo\": \"%s\"}"
                    .formatted(users.get(random.nextInt(users.size())))).expect(200).json());
            case 7 -> model.wrote(admin.patch(path, "{\"tags\": [%s]}".formatted(randomTags(random))).expect(200)
                    .json());
            case 8 -> model.wrote(admin.patch(path, random.nextBoolean()
                    ? "{\"title\": \"T%d\"}".formatted(random.nextInt(99))
                    // renamed: a search as of before finds it by the name it had then, not by today's
                    : "{\"lastName\": \"%s%03d\"}".formatted(random.nextBoolean() ? "Moved" : "Last",
                            random.nextInt(100))).expect(200).json());
            default -> {
                admin.delete(path).expect(204);
                model.deleted(id, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            }
        }
    }

    private static String randomTags(Random random) {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(3) == 0) {
                tags.add("\"" + tag + "\"");
            }
        }
        return String.join(", ", tags);
    }

    private static String randomFilter(Random random, List<String> users) {
        return switch (random.nextInt(7)) {
            case 0 -> "";
            case 1 -> "stage=" + WRITTEN[random.nextInt(WRITTEN.length)];
            case 2 -> "assignedTo=" + users.get(random.nextInt(users.size()));
            case 3 -> "tags=" + TAGS[random.nextInt(TAGS.length)];
            case 4 -> "stage=" + STAGES[random.nextInt(3)] + "&tags=" + TAGS[random.nextInt(TAGS.length)];
            case 5 -> "search=" + (random.nextBoolean() ? "last0" : "moved0");
            default -> "search=last0&stage=" + STAGES[random.nextInt(3)];
        };
    }

    /** Pages through the list as of {@code at} and compares it with the model. */
    private void assertList(Api caller, Model model, Instant at, String filter, String ordering,
                            boolean withDeleted, int limit) {
        List<JsonNode> expected = model.at(at, withDeleted).stream().filter(matches(filter))
                .sorted(order(ordering)).toList();
        List<String> ids = new ArrayList<>();
        String query = "/api/contacts/?asOf=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8)
                + "&createdAfter=" + START.minusSeconds(1) + (filter.isEmpty() ? "" : "&" + filter)
                + "&ordering=" + ordering + "&limit=" + limit;
        JsonNode page = caller.get(query).expect(200).json();
        String description = "as of %s, %s, %s".formatted(at, filter, ordering);
        assertThat(page.get("count").longValue()).as(description).isEqualTo(expected.size());
        while (true) {
            page.get("results").forEach(record -> ids.add(record.get("id").stringValue()));
            if (page.get("next").isNull() || ids.size() > expected.size()) {
                break;
            }
            assertThat(page.get("next").stringValue()).contains("asOf=");
            page = caller.get(page.get("next").stringValue().replaceFirst("^https?://[^/]+", "")).expect(200).json();
        }
        assertThat(ids).as(description).isEqualTo(expected.stream().map(r -> r.get("id").stringValue()).toList());
    }

    private static Predicate<JsonNode> matches(String filter) {
        Predicate<JsonNode> all = record -> true;
        for (String condition : filter.split("&")) {
            if (condition.isEmpty()) {
                continue;
            }
            String[] pair = condition.split("=", 2);
            Predicate<JsonNode> one = switch (pair[0]) {
                case "stage" -> record -> record.get("stage").stringValue().equals(pair[1]);
                case "assignedTo" -> record -> pair[1].equals(record.get("assignedTo").stringValue());
                case "tags" -> record -> {
                    for (JsonNode tag : record.get("tags")) {
                        if (tag.stringValue().equals(pair[1])) {
                            return true;
                        }
                    }
                    return false;
                };
                case "search" -> record -> record.get("lastName").stringValue().toLowerCase().contains(pair[1]);
                default -> throw new IllegalArgumentException(condition);
            };
            all = all.and(one);
        }
        return all;
    }

    /** The list's order: the field, then the id, both in the ordering's direction. */
    private static Comparator<JsonNode> order(String ordering) {
        String field = ordering.replace("-", "");
        Comparator<JsonNode> byField = switch (field) {
            case "createdAt", "updatedAt" -> Comparator.comparing(r -> Instant.parse(r.get(field).stringValue()));
            default -> Comparator.comparing(r -> r.get(field).stringValue().toLowerCase());
        };
        Comparator<JsonNode> order = byField.thenComparing(r -> r.get("id").stringValue());
        return ordering.startsWith("-") ? order.reversed() : order;
    }

    private void assertStageCounts(Api caller, Model model, String interval, Instant from, Instant to,
                                   boolean withDeleted) {
        JsonNode report = caller.get("/api/reports/stage-counts/?entityType=contact&from=" + from + "&to=" + to
                + "&interval=" + interval).expect(200).json();
        assertThat(report.get("entityType").stringValue()).isEqualTo("contact");
        assertThat(report.get("interval").stringValue()).isEqualTo(interval);
        List<Instant> expectedPoints = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.atStartOfDay(ZoneOffset.UTC).toInstant()
                .isAfter(to); day = day.plusDays(1)) {
            Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            boolean boundary = switch (interval) {
                case "week" -> day.getDayOfWeek() == java.time.DayOfWeek.MONDAY;
                case "month" -> day.getDayOfMonth() == 1;
                default -> true;
            };
            if (boundary && !at.isBefore(from)) {
                expectedPoints.add(at);
            }
        }
        assertThat(report.get("points").size()).as(interval).isEqualTo(expectedPoints.size());
        for (int i = 0; i < expectedPoints.size(); i++) {
            JsonNode point = report.get("points").get(i);
            Instant at = expectedPoints.get(i);
            assertThat(point.get("at").stringValue()).isEqualTo(at.toString());
            Map<String, Long> expected = new LinkedHashMap<>();
            for (String stage : STAGES) {
                expected.put(stage, 0L);
            }
            model.at(at, withDeleted).forEach(r -> expected.merge(r.get("stage").stringValue(), 1L, Long::sum));
            Map<String, Long> actual = new LinkedHashMap<>();
            point.get("counts").properties().forEach(e -> actual.put(e.getKey(), e.getValue().longValue()));
            assertThat(actual).as("%s at %s", interval, at).isEqualTo(expected);
        }
    }

    /** Each contact's answers to the writes, by the time of the write, and the time of its deletion. */
    private static final class Model {

        private final Map<String, TreeMap<Instant, JsonNode>> versions = new LinkedHashMap<>();
        private final Map<String, Instant> deletedAt = new LinkedHashMap<>();

        void wrote(JsonNode record) {
            versions.computeIfAbsent(record.get("id").stringValue(), id -> new TreeMap<>())
                    .put(Instant.parse(record.get("updatedAt").stringValue()), record);
        }

        void deleted(String id, Instant at) {
            deletedAt.put(id, at);
        }

        List<String> ids() {
            return List.copyOf(versions.keySet());
        }

        List<String> live() {
            return versions.keySet().stream().filter(id -> !deletedAt.containsKey(id)).toList();
        }

        /** The record as of {@code at}, or null if it did not exist then (or was deleted by then). */
        JsonNode asOf(String id, Instant at) {
            Instant deleted = deletedAt.get(id);
            if (deleted != null && !deleted.isAfter(at)) {
                return null;
            }
            Map.Entry<Instant, JsonNode> version = versions.get(id).floorEntry(at);
            return version == null ? null : version.getValue();
        }

        /** Every record as of {@code at}; those deleted since only {@code withDeleted}. */
        List<JsonNode> at(Instant at, boolean withDeleted) {
            return versions.keySet().stream()
                    .filter(id -> withDeleted || !deletedAt.containsKey(id))
                    .map(id -> asOf(id, at)).filter(r -> r != null).toList();
        }
    }

    /** The clock the events take their time from, at the instant the test sets. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
