package dev.crm.app.api;

import dev.crm.api.common.EventNames;
import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code GET /api/audit/head/}, {@code GET /api/audit/verify/} and the chain's links in {@code /api/events/}.
 * The tampering tests change the shared test database with plain SQL, as an intruder would, and put every row
 * back as it was in a {@code finally}: the other test classes (and the next test here) find a chain that
 * verifies.
 */
class AuditChainApiTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ZEROS = "0".repeat(64);

    /** The README's psql query that recomputes a digest from the stored row (here for one position). */
    private static final String RECOMPUTED_DIGEST = """
            SELECT encode(sha256(
                       convert_to(e.event_identifier || E'\\n' || e.aggregate_identifier || E'\\n'
                           || e.sequence_number || E'\\n' || coalesce(e.type, '') || E'\\n' || e.time_stamp || E'\\n'
                           || e.payload_type || E'\\n' || coalesce(e.payload_revision, '') || E'\\n'
                           || length(e.payload) || E'\\n', 'UTF8')
                       || e.payload
                       || convert_to(E'\\n' || coalesce(length(e.meta_data), 0) || E'\\n', 'UTF8')
                       || coalesce(e.meta_data, ''::bytea)), 'hex') AS digest
              FROM event_store.event_position p
              JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
             WHERE p.position = ?""";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aCleanStoreVerifiesAndItsHeadIsTheNewestLink() {
        String contact = newContact();
        admin.patch("/api/contacts/" + contact + "/", "{\"stage\": \"engaged\"}").expect(200);
        allChained();

        JsonNode head = admin.get("/api/audit/head/").expect(200).json();
        long position = head.get("position").longValue();
        assertThat(position).isEqualTo(positionOf(contact, 1));
        assertThat(head.get("hash").stringValue()).isEqualTo(storedHash(position)).matches("[0-9a-f]{64}");
        assertThat(head.get("occurredAt").stringValue()).endsWith("Z");

        JsonNode verified = newUser("auditor").get("/api/audit/verify/").expect(200).json();
        assertThat(verified.get("verified").booleanValue()).isTrue();
        assertThat(verified.get("firstMismatch").isNull()).isTrue();
        assertThat(verified.get("events").longValue()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM event_store.event_position", Long.class));
        assertThat(verified.at("/head/position").longValue()).isGreaterThanOrEqualTo(position);
        assertThat(verified.at("/head/hash").stringValue()).matches("[0-9a-f]{64}");
    }

    @Test
    void theHeadMovesWithWritesAndAKeptHeadStillVerifies() {
        allChained();
        JsonNode before = admin.get("/api/audit/head/").expect(200).json();
        String contact = newContact();
        allChained();
        JsonNode after = admin.get("/api/audit/head/").expect(200).json();

        assertThat(after.get("position").longValue()).isEqualTo(positionOf(contact, 0))
                .isGreaterThan(before.get("position").longValue());
        assertThat(after.get("hash").stringValue()).isNotEqualTo(before.get("hash").stringValue());
        assertVerified(keptHead(before));
        assertVerified(keptHead(after));
    }

    @Test
    void everyExportedLineLinksToThePreviousOneAndItsDigestIsTheStoredRowsSha256() throws Exception {
        newContact();
        allChained();
        List<JsonNode> lines = exportAll();
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0).get("position").longValue()).isEqualTo(1);
        assertThat(lines.get(0).get("prevHash").stringValue()).isEqualTo(ZEROS);
        String previous = ZEROS;
        for (JsonNode line : lines) {
            assertThat(line.get("prevHash").stringValue()).as("%s", line).isEqualTo(previous);
            assertThat(line.get("hash").stringValue()).as("%s", line)
                    .isEqualTo(sha256(line.get("prevHash").stringValue(), line.get("digest").stringValue()));
            previous = line.get("hash").stringValue();
        }
        for (JsonNode line : List.of(lines.get(0), lines.get(lines.size() / 2), lines.get(lines.size() - 1))) {
            assertThat(jdbc.queryForObject(RECOMPUTED_DIGEST, String.class, line.get("position").longValue()))
                    .isEqualTo(line.get("digest").stringValue());
        }
        // The README's check of every link in SQL agrees.
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_store.event_position p
                  LEFT JOIN event_store.event_position prev ON prev.position = p.position - 1
                 WHERE p.hash IS DISTINCT FROM
                       sha256(coalesce(prev.hash, decode(repeat('00', 32), 'hex')) || p.digest)""", Long.class)).isZero();
        // A filtered export carries the same links.
        JsonNode contactLine = page("?entityType=contact&limit=1").get(0);
        assertThat(contactLine.get("hash").stringValue())
                .isEqualTo(lines.get((int) contactLine.get("position").longValue() - 1).get("hash").stringValue());
    }

    @Test
    void theStandAloneScriptChecksAnExport() throws Exception {
        assumeTrue(commandExists("python3"), "python3 is not installed");
        newContact();
        Path export = Files.createTempFile("events", ".ndjson");
        try {
            StringBuilder text = new StringBuilder();
            exportAll().forEach(line -> text.append(line).append('\n'));
            Files.writeString(export, text);
            Process ok = script(export);
            assertThat(ok.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ok.exitValue()).as(new String(ok.getInputStream().readAllBytes())).isZero();

            // One hash changed in the file: the script names the line.
            List<JsonNode> lines = exportAll();
            int middle = lines.size() / 2;
            ((ObjectNode) lines.get(middle)).put("hash", ZEROS);
            text.setLength(0);
            lines.forEach(line -> text.append(line).append('\n'));
            Files.writeString(export, text);
            Process bad = script(export);
            assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(bad.exitValue()).isEqualTo(1);
            assertThat(new String(bad.getInputStream().readAllBytes())).contains("line " + (middle + 1) + " ");
        } finally {
            Files.deleteIfExists(export);
        }
    }

    @Test
    void anEditedPayloadIsFoundAtItsPosition() {
        Event event = newEvent();
        Map<String, Object> saved = saveEvent(event);
        try {
            // A field no streaming processor reads: the reports would fold in the edit while it stands.
            jdbc.update("""
                    UPDATE event_store.domain_event_entry
                       SET payload = convert_to(replace(convert_from(payload, 'UTF8'),
                                                        '"emailOptOut":false', '"emailOptOut":true'), 'UTF8')
                     WHERE global_index = ?""", event.globalIndex());
            assertMismatch(verify(""), event.position(), event.id());
        } finally {
            restoreEvent(saved);
        }
        assertVerified("");
    }

    @Test
    void editedMetadataIsFoundAtItsPosition() {
        Event event = newEvent();
        Map<String, Object> saved = saveEvent(event);
        try {
            jdbc.update("""
                    UPDATE event_store.domain_event_entry
                       SET meta_data = convert_to(jsonb_set(convert_from(meta_data, 'UTF8')::jsonb, '{actorName}',
                           '"Someone Else"')::text, 'UTF8')
                     WHERE global_index = ?""", event.globalIndex());
            assertMismatch(verify(""), event.position(), event.id());
        } finally {
            restoreEvent(saved);
        }
        assertVerified("");
    }

    @Test
    void aDeletedEventIsFoundAtItsPosition() {
        Event event = newEvent();
        Map<String, Object> saved = saveEvent(event);
        try {
            jdbc.update("DELETE FROM event_store.domain_event_entry WHERE global_index = ?", event.globalIndex());
            assertMismatch(verify(""), event.position(), null);
        } finally {
            restoreEvent(saved);
        }
        assertVerified("");
    }

    @Test
    void aDeletedPositionIsFoundAsAGap() {
        Event event = newEvent();
        newContact(); // the deleted position is not the last one
        allChained();
        String saved = positionRow(event.position());
        try {
            jdbc.update("DELETE FROM event_store.event_position WHERE position = ?", event.position());
            assertMismatch(verify(""), event.position(), null);
        } finally {
            jdbc.update("""
                    INSERT INTO event_store.event_position
                    SELECT * FROM jsonb_populate_record(null::event_store.event_position, ?::jsonb)""", saved);
        }
        assertVerified("");
    }

    @Test
    void anEditedStoredHashIsFoundAtItsPosition() {
        Event event = newEvent();
        newContact();
        allChained();
        String hash = storedHash(event.position());
        try {
            jdbc.update("UPDATE event_store.event_position SET hash = sha256(hash) WHERE position = ?",
                    event.position());
            assertMismatch(verify(""), event.position(), event.id());
        } finally {
            jdbc.update("UPDATE event_store.event_position SET hash = decode(?, 'hex') WHERE position = ?", hash,
                    event.position());
        }
        assertVerified("");
    }

    /**
     * A row inserted with a transaction id the sequencer has passed never gets a position: verification finds
     * it where it would sit among the chained events (by its global index), or after the head.
     */
    @Test
    void anEventInsertedBehindTheSequencersBackIsFoundWhereItWouldSit() {
        long reserved = jdbc.queryForObject("SELECT nextval('event_store.domain_event_entry_global_index_seq')",
                Long.class);
        Event later = newEvent(); // a higher global index, chained
        String inserted = "5d2a8f0e-0000-4000-8000-" + String.format("%012d", reserved);
        try {
            insertBehindTheSequencer(reserved, inserted);
            assertMismatch(verify(""), later.position(), eventId(inserted));
        } finally {
            jdbc.update("DELETE FROM event_store.domain_event_entry WHERE event_identifier = ?", inserted);
        }
        assertVerified("");

        allChained();
        long head = admin.get("/api/audit/head/").expect(200).json().get("position").longValue();
        long last = jdbc.queryForObject("SELECT nextval('event_store.domain_event_entry_global_index_seq')",
                Long.class);
        String appended = "5d2a8f0e-0000-4000-8000-" + String.format("%012d", last);
        try {
            insertBehindTheSequencer(last, appended);
            assertMismatch(verify(""), head + 1, eventId(appended));
        } finally {
            jdbc.update("DELETE FROM event_store.domain_event_entry WHERE event_identifier = ?", appended);
        }
        assertVerified("");
    }

    /**
     * Whoever can rewrite an event and every later digest and hash leaves a chain that agrees with itself; a
     * head kept outside the system no longer matches.
     */
    @Test
    void aRewrittenChainIsCaughtByAKeptHead() {
        Event event = newEvent();
        JsonNode kept = admin.get("/api/audit/head/").expect(200).json();
        assertThat(kept.get("position").longValue()).isEqualTo(event.position());
        Map<String, Object> saved = saveEvent(event);
        String position = positionRow(event.position());
        try {
            // A field no streaming processor reads: the reports would fold in the edit while it stands.
            jdbc.update("""
                    UPDATE event_store.domain_event_entry
                       SET payload = convert_to(replace(convert_from(payload, 'UTF8'),
                                                        '"emailOptOut":false', '"emailOptOut":true'), 'UTF8')
                     WHERE global_index = ?""", event.globalIndex());
            String digest = jdbc.queryForObject(RECOMPUTED_DIGEST, String.class, event.position());
            jdbc.update("""
                    UPDATE event_store.event_position p SET digest = decode(?, 'hex'),
                           hash = sha256((SELECT prev.hash FROM event_store.event_position prev
                                           WHERE prev.position = p.position - 1) || decode(?, 'hex'))
                     WHERE position = ?""", digest, digest, event.position());

            assertVerified("");
            JsonNode answer = verify(keptHead(kept));
            assertMismatch(answer, event.position(), event.id());
            assertThat(answer.at("/head/hash").stringValue()).isNotEqualTo(kept.get("hash").stringValue());
        } finally {
            restoreEvent(saved);
            jdbc.update("DELETE FROM event_store.event_position WHERE position = ?", event.position());
            jdbc.update("""
                    INSERT INTO event_store.event_position
                    SELECT * FROM jsonb_populate_record(null::event_store.event_position, ?::jsonb)""", position);
        }
        assertVerified(keptHead(kept));
    }

    @Test
    void aKeptHeadWithAnotherHashOrBeyondTheHeadDoesNotVerify() {
        Event event = newEvent();
        String other = sha256(ZEROS, storedHash(event.position()));
        assertMismatch(verify("?position=" + event.position() + "&hash=" + other), event.position(), event.id());

        long head = admin.get("/api/audit/head/").expect(200).json().get("position").longValue();
        JsonNode beyond = verify("?position=" + (head + 1000) + "&hash=" + other);
        assertThat(beyond.get("verified").booleanValue()).isFalse();
        assertThat(beyond.at("/firstMismatch/position").longValue()).isGreaterThan(head);
        assertThat(beyond.at("/firstMismatch/id").isNull()).isTrue();
    }

    /** Positions numbered before the chain existed have no digest or hash: the next run chains them. */
    @Test
    void positionsWithoutLinksAreChainedByTheNextRun() {
        newContact();
        newContact();
        allChained();
        List<Map<String, Object>> before = links();
        long from = Math.max(1, before.size() - 5);
        jdbc.update("UPDATE event_store.event_position SET digest = NULL, hash = NULL WHERE position >= ?", from);
        admin.get("/api/audit/head/").expect(200);
        List<Map<String, Object>> after = links();
        assertThat(after.subList(0, before.size())).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        assertVerified("");
    }

    @Test
    void badKeptHeadsAre400AndMembersAre403() {
        assertThat(fields(admin.get("/api/audit/verify/?position=3").expect(400)))
                .containsExactly("hash");
        assertThat(fields(admin.get("/api/audit/verify/?hash=" + ZEROS).expect(400)))
                .containsExactly("position");
        assertThat(fields(admin.get("/api/audit/verify/?position=0&hash=ABC").expect(400)))
                .containsExactlyInAnyOrder("position", "hash");
        assertThat(fields(admin.get("/api/audit/verify/?position=x&hash=" + "A".repeat(64)).expect(400)))
                .containsExactlyInAnyOrder("position", "hash");
        assertThat(admin.get("/api/audit/verify/?position=1&hash=" + ZEROS.substring(1)).expect(400)
                .header("Content-Type")).startsWith("application/problem+json");
        Api member = newUser("member");
        member.get("/api/audit/head/").expect(403);
        member.get("/api/audit/verify/").expect(403);
        api.get("/api/audit/head/").expect(401);
        newUser("auditor").get("/api/audit/head/").expect(200);
    }

    private record Event(long position, long globalIndex, String id) {
    }

    /** A new contact's creation event, chained. */
    private Event newEvent() {
        String contact = newContact();
        allChained();
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT p.position, e.global_index, e.event_identifier
                  FROM event_store.domain_event_entry e JOIN event_store.event_position p USING (global_index)
                 WHERE e.aggregate_identifier = ? AND e.sequence_number = 0""", contact);
        return new Event(((Number) row.get("position")).longValue(), ((Number) row.get("global_index")).longValue(),
                eventId((String) row.get("event_identifier")));
    }

    /**
     * Waits until every stored event is chained. An event is chained once every older transaction has ended
     * (a report processor may hold one for a moment); a tampering test must not let the sequencer chain a new
     * event onto a link it tampered with, or the chain would stay broken after the link is put back.
     */
    private void allChained() {
        for (int attempt = 0; attempt < 200; attempt++) {
            admin.get("/api/audit/head/").expect(200);
            if (jdbc.queryForObject("""
                    SELECT count(*) FROM event_store.domain_event_entry e
                     WHERE NOT EXISTS (SELECT 1 FROM event_store.event_position p WHERE p.global_index = e.global_index)
                    """, Long.class) == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("some events stay unchained");
    }

    private String newContact() {
        return admin.post("/api/contacts/", "{\"lastName\": \"Chain\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("chain"))).expect(201).id();
    }

    private long positionOf(String record, long sequenceNumber) {
        return jdbc.queryForObject("""
                SELECT p.position
                  FROM event_store.domain_event_entry e JOIN event_store.event_position p USING (global_index)
                 WHERE e.aggregate_identifier = ? AND e.sequence_number = ?""", Long.class, record, sequenceNumber);
    }

    private String storedHash(long position) {
        return jdbc.queryForObject("SELECT encode(hash, 'hex') FROM event_store.event_position WHERE position = ?",
                String.class, position);
    }

    private String positionRow(long position) {
        return jdbc.queryForObject("SELECT to_jsonb(p)::text FROM event_store.event_position p WHERE position = ?",
                String.class, position);
    }

    private List<Map<String, Object>> links() {
        return jdbc.queryForList("""
                SELECT position, encode(digest, 'hex') AS digest, encode(hash, 'hex') AS hash
                  FROM event_store.event_position ORDER BY position""");
    }

    /** The whole row, whatever its columns, to put back with {@link #restoreEvent}. */
    private Map<String, Object> saveEvent(Event event) {
        return jdbc.queryForMap("""
                SELECT global_index, to_jsonb(e)::text AS row
                  FROM event_store.domain_event_entry e WHERE global_index = ?""", event.globalIndex());
    }

    private void restoreEvent(Map<String, Object> saved) {
        jdbc.update("DELETE FROM event_store.domain_event_entry WHERE global_index = ?", saved.get("global_index"));
        jdbc.update("""
                INSERT INTO event_store.domain_event_entry
                SELECT * FROM jsonb_populate_record(null::event_store.domain_event_entry, ?::jsonb)""",
                saved.get("row"));
    }

    /**
     * A copy of the newest user creation under another identifier and record, with a transaction id the
     * sequencer has passed (a user event: the report processors, which read the store on their own, ignore it).
     */
    private void insertBehindTheSequencer(long globalIndex, String identifier) {
        jdbc.update("""
                INSERT INTO event_store.domain_event_entry
                SELECT * FROM jsonb_populate_record(null::event_store.domain_event_entry,
                       (SELECT to_jsonb(e) FROM event_store.domain_event_entry e
                         WHERE payload_type LIKE '%UserCreated' ORDER BY global_index DESC LIMIT 1)
                       || jsonb_build_object('global_index', ?::bigint, 'event_identifier', ?::text,
                                             'aggregate_identifier', 'usr_01CHAIN' || ?::text, 'sequence_number', 0,
                                             'tx_id', '1'))""", globalIndex, identifier, globalIndex);
    }

    private static String eventId(String eventIdentifier) {
        return EventNames.eventId(eventIdentifier);
    }

    private static String keptHead(JsonNode head) {
        return "?position=" + head.get("position").longValue() + "&hash=" + head.get("hash").stringValue();
    }

    private JsonNode verify(String query) {
        return admin.get("/api/audit/verify/" + query).expect(200).json();
    }

    private void assertVerified(String query) {
        JsonNode answer = verify(query);
        assertThat(answer.get("verified").booleanValue()).as("%s", answer).isTrue();
        assertThat(answer.get("firstMismatch").isNull()).isTrue();
    }

    private static void assertMismatch(JsonNode answer, long position, String id) {
        assertThat(answer.get("verified").booleanValue()).as("%s", answer).isFalse();
        assertThat(answer.at("/firstMismatch/position").longValue()).as("%s", answer).isEqualTo(position);
        if (id == null) {
            assertThat(answer.at("/firstMismatch/id").isNull()).as("%s", answer).isTrue();
        } else {
            assertThat(answer.at("/firstMismatch/id").stringValue()).as("%s", answer).isEqualTo(id);
        }
    }

    private static List<String> fields(Api.Response answer) {
        return answer.json().get("errors").findValuesAsString("field");
    }

    private List<JsonNode> exportAll() {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<JsonNode> lines = page("?after=" + after + "&limit=10000");
            if (lines.isEmpty()) {
                return all;
            }
            all.addAll(lines);
            after = lines.get(lines.size() - 1).get("position").longValue();
        }
    }

    private List<JsonNode> page(String query) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : admin.get("/api/events/" + query).expect(200).body().split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static String sha256(String prevHex, String digestHex) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(HexFormat.of().parseHex(prevHex));
            return HexFormat.of().formatHex(sha256.digest(HexFormat.of().parseHex(digestHex)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Process script(Path export) throws IOException {
        return new ProcessBuilder("python3", "../tools/verify_export.py", export.toString())
                .redirectErrorStream(true).start();
    }

    private static boolean commandExists(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
