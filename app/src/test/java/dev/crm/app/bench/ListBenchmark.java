package dev.crm.app.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The list benchmark's data set (not part of the test suite; {@code bench/lists.sh} runs it, then measures the
 * lists on it with wrk): loads a year of a big CRM's events straight into the event store (by default
 * 1,000,000 contacts and 200,000 leads, each created and changed a few times, one contact changed 10,000
 * times: about 3,100,000 events), then builds the contacts, leads and audit-log read models from them through
 * the admin API's rebuild, and prints how long each step took. The report processors skip these events.
 */
class ListBenchmark extends StoreBenchmark {

    @Test
    void buildDataSet() throws Exception {
        int contacts = Integer.getInteger("bench.contacts", 1_000_000);
        int leads = Integer.getInteger("bench.leads", 200_000);
        long events = load(LOAD, contacts, leads);
        for (String projection : List.of("contacts", "leads", "event-log")) {
            double took = rebuild(projection);
            print("rebuilt %-9s in %6.1f s = %,9.0f events/s of the store's %,d", projection, took, events / took,
                    events);
        }
        print("read model: %,d contacts, %,d leads, %,d audit-log entries", rows("contact"), rows("lead"),
                rows("event_log"));
        // The reports are not what this measures: their processors skip the loaded events, instead of replaying
        // them in the background of the measurement (their tables stay empty).
        skipStreamingProcessorsToTheEnd();
        jdbc.execute("CHECKPOINT");
    }

    private long rows(String table) {
        return count("SELECT count(*) FROM read_model." + table);
    }

    @Override
    protected void print(String format, Object... args) {
        System.out.println("LIST-BENCH " + format.formatted(args));
    }

    /**
     * Contacts ({@code cnt_01B<i in hex>}, created at a random moment of a year, then changed once or twice a
     * few days apart: stage, owner among 8 users, tags, details) and leads (status, score, owner), all appended in
     * time order, by 8 users in turn; contact 1 is changed 10,000 times. Names are {@code First<i>} and
     * {@code Last<i>}, so that {@code search=last45} matches about 11,000 contacts at a million.
     * Parameters: how many contacts, how many leads.
     */
    private static final String LOAD = """
            WITH contact AS (
                SELECT i, 'cnt_01B' || lpad(upper(to_hex(i)), 23, '0') AS id,
                       CASE WHEN i = 1 THEN 10000 ELSE 2 + floor(random() * 2)::int END AS n,
                       timestamptz '2026-01-01' + random() * interval '350 days' AS born
                  FROM generate_series(1, ?) i),
            lead AS (
                SELECT i, 'ld_01B' || lpad(upper(to_hex(i)), 23, '0') AS id, 2 + floor(random() * 3)::int AS n,
                       timestamptz '2026-01-01' + random() * interval '350 days' AS born
                  FROM generate_series(1, ?) i),
            step AS (
                SELECT 'Contact' AS aggregate, 'dev.crm.api.contact.ContactEvents$' AS type, r.i, r.id, s, CASE
                           WHEN s = 0 THEN 'ContactCreated' WHEN r.i = 1 THEN 'ContactStageChanged'
                           ELSE (ARRAY['ContactStageChanged', 'ContactAssigned', 'ContactTagsChanged',
                               'ContactDetailsCorrected'])[1 + (r.i + s) % 4] END AS kind,
                       CASE WHEN r.i = 1 THEN timestamptz '2026-01-01' + s * interval '50 minutes'
                            ELSE r.born + s * interval '3 days' + random() * interval '20 hours' END AS at
                  FROM contact r, generate_series(0, r.n - 1) s
                UNION ALL
                SELECT 'Lead', 'dev.crm.api.lead.LeadEvents$', r.i, r.id, s, CASE
                           WHEN s = 0 THEN 'LeadCreated'
                           ELSE (ARRAY['LeadStatusChanged', 'LeadScored', 'LeadAssigned'])[1 + (r.i + s) % 3] END,
                       r.born + s * interval '3 days' + random() * interval '20 hours'
                  FROM lead r, generate_series(0, r.n - 1) s),
            event AS (
                SELECT e.*, CASE e.kind
                           WHEN 'ContactCreated' THEN json_build_object('contactId', e.id, 'firstName', 'First' || e.i,
                               'lastName', 'Last' || e.i, 'email', 'c' || e.i || '@example.com', 'phone', '+1555'
                               || lpad((e.i % 10000000)::text, 7, '0'), 'title', 'Buyer', 'notes', 'Imported',
                               'stage', (ARRAY['new', 'contacted', 'engaged', 'customer', 'inactive'])[1 + e.i % 5],
                               'accountId', NULL, 'assignedTo', CASE WHEN e.i % 3 = 0 THEN NULL
                                   ELSE 'usr_01KBENCH0000000000000000A' || e.i % 8 END,
                               'tags', json_build_array('import', 't' || e.i % 50), 'emailOptOut', false,
                               'emailBounced', false)
                           WHEN 'ContactStageChanged' THEN json_build_object('contactId', e.id, 'previousStage',
                               (ARRAY['new', 'contacted', 'engaged', 'customer'])[1 + (e.s + 3) % 4], 'stage',
                               (ARRAY['new', 'contacted', 'engaged', 'customer'])[1 + e.s % 4])
                           WHEN 'ContactAssigned' THEN json_build_object('contactId', e.id, 'assignedTo',
                               'usr_01KBENCH0000000000000000A' || (e.i + e.s) % 8)
                           WHEN 'ContactTagsChanged' THEN json_build_object('contactId', e.id, 'tags',
                               json_build_array('import', 't' || e.i % 50, 'x' || e.s))
                           WHEN 'ContactDetailsCorrected' THEN json_build_object('contactId', e.id, 'firstName',
                               'First' || e.i, 'lastName', 'Last' || e.i, 'email', 'c' || e.i || '@example.com',
                               'phone', NULL, 'title', 'Head of Buying', 'notes', 'Corrected')
                           WHEN 'LeadCreated' THEN json_build_object('leadId', e.id, 'firstName', 'Lead' || e.i,
                               'lastName', 'Prospect' || e.i, 'email', 'l' || e.i || '@example.com', 'phone', NULL,
                               'company', 'Company ' || e.i % 5000, 'status', 'new', 'source',
                               (ARRAY['web', 'referral', 'event', 'ads', 'partner'])[1 + e.i % 5],
                               'assignedTo', NULL, 'leadScore', CASE WHEN e.i % 4 = 0 THEN NULL ELSE e.i % 100 END,
                               'emailOptOut', false, 'emailBounced', false, 'notes', NULL)
                           WHEN 'LeadStatusChanged' THEN json_build_object('leadId', e.id, 'previousStatus', 'new',
                               'status', (ARRAY['contacted', 'qualified', 'nurturing'])[1 + e.i % 3])
                           WHEN 'LeadScored' THEN json_build_object('leadId', e.id, 'leadScore', (e.i * 7 + e.s) % 100)
                           ELSE json_build_object('leadId', e.id, 'assignedTo',
                               'usr_01KBENCH0000000000000000A' || (e.i + e.s) % 8) END AS payload -- LeadAssigned
                  FROM step e)
            INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type,
                time_stamp, aggregate_identifier, sequence_number, type)
            SELECT gen_random_uuid()::text,
                   convert_to(json_build_object('actorId', 'usr_01KBENCH0000000000000000A' || (e.i + e.s) % 8,
                       'actorName', 'Bench User ' || (e.i + e.s) % 8, 'requestId', md5(e.id || e.s),
                       'traceId', gen_random_uuid(), 'correlationId', gen_random_uuid())::text, 'UTF8'),
                   convert_to(e.payload::text, 'UTF8'), e.type || e.kind,
                   to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), e.id, e.s, e.aggregate
              FROM event e ORDER BY e.at""";
}
