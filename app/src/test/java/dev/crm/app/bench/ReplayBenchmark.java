package dev.crm.app.bench;

import dev.crm.app.support.ApiTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay benchmark (not part of the test suite; run it with {@code bench/replay.sh}): loads
 * {@code bench.contacts} contacts' worth of realistic contact events (about 5 events per contact) straight
 * into a fresh event store with one SQL statement, then rebuilds the contacts read model through the admin
 * API and prints the replay speed.
 */
class ReplayBenchmark extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void replay() throws Exception {
        int contacts = Integer.getInteger("bench.contacts", 200_000);
        // The report projections would replay the loaded events at the same time on the same cores.
        processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .forEach(EventProcessor::shutDown);
        long start = System.nanoTime();
        int loaded = load(contacts);
        print("loaded %,d events (%,d contacts) in %.1f s", loaded, contacts, seconds(start));

        start = System.nanoTime();
        admin.get("/api/events/?limit=1").expect(200); // numbers the loaded events (export positions)
        print("numbered them for export in %.1f s", seconds(start));

        long events = count("SELECT count(*) FROM event_store.domain_event_entry");
        for (String projection : new String[] {"contacts", "users"}) {
            String swapped = projection.equals("users") ? "read_model.app_user" : "read_model.contact";
            long table = count("SELECT '" + swapped + "'::regclass::oid");
            start = System.nanoTime();
            admin.post("/api/admin/projections/" + projection + "/rebuild/", null).expect(202);
            while (!state(projection).equals("live")) {
                Thread.sleep(20);
            }
            double took = seconds(start);
            assertThat(count("SELECT '" + swapped + "'::regclass::oid")).as("the rebuilt table is swapped in")
                    .isNotEqualTo(table);
            print("rebuilt %s: %,d events replayed in %.2f s = %,.0f events/s", projection, events, took,
                    events / took);
        }
        assertThat(count("SELECT count(*) FROM read_model.contact WHERE id LIKE 'cnt\\_01%'")).isEqualTo(
                count("""
                        SELECT count(DISTINCT aggregate_identifier) - count(*) FILTER (WHERE payload_type LIKE '%Deleted')
                          FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE 'cnt\\_01%'"""));
    }

    /**
     * Every contact is created, then changes stage, tags, details or owner a few times (a stage change every
     * other event, so each one's previous stage is right), and one in twenty is deleted at the end. Events
     * are spread over 60 days and appended in time order, so records interleave as they would in use.
     */
    private int load(int contacts) {
        return jdbc.update("""
                WITH contact AS (
                    SELECT i, 'cnt_01' || lpad(upper(to_hex(i)), 24, '0') AS id,
                           timestamptz '2026-01-01' + random() * interval '60 days' AS born,
                           2 + floor(random() * 7)::int AS events, random() < 0.05 AS deleted
                      FROM generate_series(1, ?) i),
                event AS (
                    SELECT c.i, c.id, s AS seq,
                           c.born + s * interval '1 day' + random() * interval '20 hours' AS at,
                           CASE WHEN s = 0 THEN 'ContactCreated'
                                WHEN c.deleted AND s = c.events - 1 THEN 'ContactDeleted'
                                WHEN s % 2 = 1 THEN 'ContactStageChanged'
                                ELSE (ARRAY['ContactTagsChanged', 'ContactDetailsCorrected', 'ContactAssigned'])
                                     [1 + (c.i + s) % 3] END AS kind,
                           (ARRAY['new', 'contacted', 'engaged', 'proposal_sent', 'negotiation', 'customer',
                                  'inactive'])[1 + (c.i % 4 + (s + 1) / 2) % 7] AS stage,
                           (ARRAY['new', 'contacted', 'engaged', 'proposal_sent', 'negotiation', 'customer',
                                  'inactive'])[1 + (c.i % 4 + (s + 1) / 2 - 1) % 7] AS previous
                      FROM contact c, generate_series(0, c.events - 1) s)
                INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                SELECT gen_random_uuid()::text,
                       convert_to(json_build_object('actorId', 'usr_01KBENCH0000000000000000AD', 'actorName',
                           'Bench Admin', 'requestId', md5(e.id || e.seq), 'traceId', gen_random_uuid(),
                           'correlationId', gen_random_uuid())::text, 'UTF8'),
                       convert_to(CASE e.kind
                           WHEN 'ContactCreated' THEN json_build_object('contactId', e.id, 'firstName',
                               'First' || e.i, 'lastName', 'Last' || e.i, 'email', 'c' || e.i || '@example.com',
                               'phone', '+1555' || lpad((e.i % 10000000)::text, 7, '0'), 'title', 'Buyer',
                               'notes', 'Imported', 'stage', e.stage, 'accountId', NULL, 'assignedTo', NULL,
                               'tags', json_build_array('import', 't' || e.i % 50), 'emailOptOut', false,
                               'emailBounced', false)
                           WHEN 'ContactStageChanged' THEN json_build_object('contactId', e.id, 'previousStage',
                               e.previous, 'stage', e.stage)
                           WHEN 'ContactTagsChanged' THEN json_build_object('contactId', e.id, 'tags',
                               json_build_array('import', 'x' || e.seq))
                           WHEN 'ContactDetailsCorrected' THEN json_build_object('contactId', e.id, 'firstName',
                               'First' || e.i, 'lastName', 'Renamed' || e.seq, 'email', 'c' || e.i || '@example.com',
                               'phone', NULL, 'title', 'Head of Buying', 'notes', 'Corrected')
                           WHEN 'ContactAssigned' THEN json_build_object('contactId', e.id, 'assignedTo',
                               'usr_01KBENCH0000000000000000AD')
                           ELSE json_build_object('contactId', e.id) END::text, 'UTF8'),
                       'dev.crm.api.contact.ContactEvents$' || e.kind,
                       to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       e.id, e.seq, 'Contact'
                  FROM event e ORDER BY e.at""", contacts);
    }

    private String state(String projection) {
        for (JsonNode p : admin.get("/api/admin/projections/").expect(200).json().get("results")) {
            if (p.get("name").stringValue().equals(projection)) {
                return p.get("state").stringValue();
            }
        }
        throw new AssertionError("no projection " + projection);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("REPLAY-BENCH " + format.formatted(args));
    }
}
