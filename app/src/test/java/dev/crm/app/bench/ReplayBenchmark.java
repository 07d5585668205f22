package dev.crm.app.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay benchmark (not part of the test suite; run it with {@code bench/replay.sh}): loads a realistic
 * mix of contact, lead, account, opportunity, note and task events (about 1,200,000 at the default
 * {@code bench.scale} of 100; each record gets a few changes and some are converted or deleted) straight
 * into a fresh event store with one SQL statement, then rebuilds every read model through the admin API,
 * one after the other, and prints each one's time and the replay speed over them all.
 */
class ReplayBenchmark extends StoreBenchmark {

    private static final List<String> PROJECTIONS = List.of("contacts", "leads", "accounts", "opportunities",
            "notes", "tasks", "users");
    private static final Map<String, String> TABLES = Map.of("contacts", "contact", "leads", "lead",
            "accounts", "account", "opportunities", "opportunity", "notes", "note", "tasks", "task",
            "users", "app_user");

    @Test
    void replay() throws Exception {
        int scale = Integer.getInteger("bench.scale", 100);
        long events = load(LOAD, 1000 * scale, 400 * scale, 200 * scale, 400 * scale, 1000 * scale, 600 * scale);
        double total = 0;
        for (String projection : PROJECTIONS) {
            String table = "read_model." + TABLES.get(projection);
            long oid = count("SELECT '" + table + "'::regclass::oid");
            double took = rebuild(projection);
            total += took;
            assertThat(count("SELECT '" + table + "'::regclass::oid")).as("the rebuilt table is swapped in")
                    .isNotEqualTo(oid);
            print("rebuilt %-13s %,9d rows in %5.2f s", projection, count("SELECT count(*) FROM " + table), took);
        }
        print("replayed %,d events into every read model in %.2f s = %,.0f events/s", events, total,
                events / total);
        assertThat(count("SELECT count(*) FROM read_model.contact WHERE id LIKE 'cnt\\_01B%'")).isEqualTo(
                count("""
                        SELECT count(DISTINCT aggregate_identifier) - count(*) FILTER (WHERE payload_type LIKE '%Deleted')
                          FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE 'cnt\\_01B%'"""));
    }

    /**
     * Each kind of record in its own CTE: ids {@code <prefix>01B...}, created at a random moment of 60 days,
     * then a change a day or so, the kind of change cycling with the record and the day, so that fields,
     * stages, owners and links all move; a share of the records ends converted or deleted. All events are
     * appended in time order, so records interleave as they would in use. Parameters: how many contacts,
     * leads, accounts, opportunities, notes and tasks. {@link AuditCsvBenchmark} loads the same mix.
     */
    static final String LOAD = """
            WITH contact AS (
                SELECT i, 'cnt_01B' || lpad(upper(to_hex(i)), 23, '0') AS id, 2 + floor(random() * 7)::int AS n,
                       timestamptz '2026-01-01' + random() * interval '60 days' AS born, random() < 0.05 AS doomed
                  FROM generate_series(1, ?) i),
            lead AS (
                SELECT i, 'ld_01B' || lpad(upper(to_hex(i)), 23, '0') AS id, 2 + floor(random() * 5)::int AS n,
                       timestamptz '2026-01-01' + random() * interval '60 days' AS born, random() AS fate
                  FROM generate_series(1, ?) i),
            account AS (
                SELECT i, 'acc_01B' || lpad(upper(to_hex(i)), 23, '0') AS id, 1 + floor(random() * 5)::int AS n,
                       timestamptz '2026-01-01' + random() * interval '60 days' AS born, random() < 0.03 AS doomed
                  FROM generate_series(1, ?) i),
            opportunity AS (
                SELECT i, 'opp_01B' || lpad(upper(to_hex(i)), 23, '0') AS id, 2 + floor(random() * 7)::int AS n,
                       timestamptz '2026-01-01' + random() * interval '60 days' AS born, random() < 0.05 AS doomed
                  FROM generate_series(1, ?) i),
            note AS (
                SELECT i, 'note_01B' || lpad(upper(to_hex(i)), 23, '0') AS id, 1 + floor(random() * 2)::int AS n,
                       timestamptz '2026-01-01' + random() * interval '60 days' AS born, random() < 0.05 AS doomed
                  FROM generate_series(1, ?) i),
            task AS (
                SELECT i, 'tsk_01B' || lpad(upper(to_hex(i)), 23, '0') AS id, 1 + floor(random() * 4)::int AS n,
                       timestamptz '2026-01-01' + random() * interval '60 days' AS born, random() < 0.05 AS doomed
                  FROM generate_series(1, ?) i),
            step AS (
                SELECT 'Contact' AS aggregate, 'dev.crm.api.contact.ContactEvents$' AS type, r.i, r.id, s, CASE
                           WHEN s = 0 THEN 'ContactCreated' WHEN r.doomed AND s = r.n - 1 THEN 'ContactDeleted'
                           ELSE (ARRAY['ContactStageChanged', 'ContactTagsChanged', 'ContactStageChanged',
                               'ContactDetailsCorrected', 'ContactStageChanged', 'ContactAssigned',
                               'ContactAccountChanged', 'ContactEmailStatusChanged'])[1 + (r.i + s) % 8] END AS kind,
                       r.born + s * interval '1 day' + random() * interval '20 hours' AS at
                  FROM contact r, generate_series(0, r.n - 1) s
                UNION ALL
                SELECT 'Lead', 'dev.crm.api.lead.LeadEvents$', r.i, r.id, s, CASE
                           WHEN s = 0 THEN 'LeadCreated'
                           WHEN s = r.n - 1 AND r.fate < 0.03 THEN 'LeadDeleted'
                           WHEN s = r.n - 1 AND r.fate > 0.8 THEN 'LeadConverted'
                           ELSE (ARRAY['LeadStatusChanged', 'LeadScored', 'LeadAssigned', 'LeadDetailsCorrected',
                               'LeadEmailStatusChanged'])[1 + (r.i + s) % 5] END,
                       r.born + s * interval '1 day' + random() * interval '20 hours'
                  FROM lead r, generate_series(0, r.n - 1) s
                UNION ALL
                SELECT 'Account', 'dev.crm.api.account.AccountEvents$', r.i, r.id, s, CASE
                           WHEN s = 0 THEN 'AccountCreated' WHEN r.doomed AND s = r.n - 1 THEN 'AccountDeleted'
                           ELSE (ARRAY['AccountDetailsCorrected', 'AccountAssigned', 'AccountTagsChanged'])
                               [1 + (r.i + s) % 3] END,
                       r.born + s * interval '1 day' + random() * interval '20 hours'
                  FROM account r, generate_series(0, r.n - 1) s
                UNION ALL
                SELECT 'Opportunity', 'dev.crm.api.opportunity.OpportunityEvents$', r.i, r.id, s, CASE
                           WHEN s = 0 THEN 'OpportunityCreated' WHEN r.doomed AND s = r.n - 1 THEN 'OpportunityDeleted'
                           ELSE (ARRAY['OpportunityStageChanged', 'OpportunityDetailsCorrected',
                               'OpportunityStageChanged', 'OpportunityAssigned', 'OpportunityAccountChanged',
                               'OpportunityContactChanged'])[1 + (r.i + s) % 6] END,
                       r.born + s * interval '1 day' + random() * interval '20 hours'
                  FROM opportunity r, generate_series(0, r.n - 1) s
                UNION ALL
                SELECT 'Note', 'dev.crm.api.note.NoteEvents$', r.i, r.id, s, CASE
                           WHEN s = 0 THEN 'NoteAdded' WHEN r.doomed AND s = r.n - 1 THEN 'NoteDeleted'
                           ELSE 'NoteEdited' END,
                       r.born + s * interval '1 day' + random() * interval '20 hours'
                  FROM note r, generate_series(0, r.n - 1) s
                UNION ALL
                SELECT 'Task', 'dev.crm.api.task.TaskEvents$', r.i, r.id, s, CASE
                           WHEN s = 0 THEN 'TaskCreated' WHEN r.doomed AND s = r.n - 1 THEN 'TaskDeleted'
                           ELSE (ARRAY['TaskCompleted', 'TaskReopened', 'TaskDetailsCorrected', 'TaskAssigned',
                               'TaskContactChanged'])[1 + (r.i + s) % 5] END,
                       r.born + s * interval '1 day' + random() * interval '20 hours'
                  FROM task r, generate_series(0, r.n - 1) s),
            event AS (
                SELECT e.*, CASE e.kind
                           WHEN 'ContactCreated' THEN json_build_object('contactId', e.id, 'firstName', 'First' || e.i,
                               'lastName', 'Last' || e.i, 'email', 'c' || e.i || '@example.com', 'phone', '+1555'
                               || lpad((e.i % 10000000)::text, 7, '0'), 'title', 'Buyer', 'notes', 'Imported',
                               'stage', 'new', 'accountId', NULL, 'assignedTo', NULL, 'tags',
                               json_build_array('import', 't' || e.i % 50), 'emailOptOut', false, 'emailBounced', false)
                           WHEN 'ContactStageChanged' THEN json_build_object('contactId', e.id, 'previousStage',
                               (ARRAY['new', 'contacted', 'engaged', 'customer'])[1 + (e.s + 3) % 4], 'stage',
                               (ARRAY['new', 'contacted', 'engaged', 'customer'])[1 + e.s % 4])
                           WHEN 'ContactTagsChanged' THEN json_build_object('contactId', e.id, 'tags',
                               json_build_array('import', 'x' || e.s))
                           WHEN 'ContactDetailsCorrected' THEN json_build_object('contactId', e.id, 'firstName',
                               'First' || e.i, 'lastName', 'Renamed' || e.s, 'email', 'c' || e.i || '@example.com',
                               'phone', NULL, 'title', 'Head of Buying', 'notes', 'Corrected')
                           WHEN 'ContactAssigned' THEN json_build_object('contactId', e.id, 'assignedTo',
                               'usr_01KBENCH0000000000000000AD')
                           WHEN 'ContactAccountChanged' THEN json_build_object('contactId', e.id, 'accountId',
                               'acc_01B' || lpad(upper(to_hex(1 + (e.i + e.s) % 1000)), 23, '0'))
                           WHEN 'ContactEmailStatusChanged' THEN json_build_object('contactId', e.id,
                               'emailOptOut', e.s % 3 = 0, 'emailBounced', false)
                           WHEN 'ContactDeleted' THEN json_build_object('contactId', e.id)
                           WHEN 'LeadCreated' THEN json_build_object('leadId', e.id, 'firstName', 'Lead' || e.i,
                               'lastName', 'Last' || e.i, 'email', 'l' || e.i || '@example.com', 'phone', NULL,
                               'company', 'Company ' || e.i % 5000, 'status', 'new', 'source', 'web',
                               'assignedTo', NULL, 'leadScore', e.i % 100, 'emailOptOut', false,
                               'emailBounced', false, 'notes', NULL)
                           WHEN 'LeadStatusChanged' THEN json_build_object('leadId', e.id, 'previousStatus', 'new',
                               'status', (ARRAY['contacted', 'qualified', 'nurturing'])[1 + e.s % 3])
                           WHEN 'LeadScored' THEN json_build_object('leadId', e.id, 'leadScore', e.s * 10)
                           WHEN 'LeadAssigned' THEN json_build_object('leadId', e.id, 'assignedTo',
                               'usr_01KBENCH0000000000000000AD')
                           WHEN 'LeadDetailsCorrected' THEN json_build_object('leadId', e.id, 'firstName',
                               'Lead' || e.i, 'lastName', 'Fixed' || e.s, 'email', 'l' || e.i || '@example.com',
                               'phone', '+15550001', 'company', 'Company ' || e.i % 5000, 'source', 'referral',
                               'notes', 'Met at a fair')
                           WHEN 'LeadEmailStatusChanged' THEN json_build_object('leadId', e.id, 'emailOptOut', false,
                               'emailBounced', e.s % 2 = 0)
                           WHEN 'LeadConverted' THEN json_build_object('leadId', e.id, 'previousStatus', 'qualified',
                               'contactId', 'cnt_01C' || lpad(upper(to_hex(e.i)), 23, '0'), 'accountId', NULL,
                               'opportunityId', NULL)
                           WHEN 'LeadDeleted' THEN json_build_object('leadId', e.id)
                           WHEN 'AccountCreated' THEN json_build_object('accountId', e.id, 'name', 'Account ' || e.i,
                               'domain', 'a' || e.i || '.example.com', 'industry', 'Retail', 'phone', NULL,
                               'assignedTo', NULL, 'tags', json_build_array('tier1'), 'notes', NULL)
                           WHEN 'AccountDetailsCorrected' THEN json_build_object('accountId', e.id, 'name',
                               'Account ' || e.i || '-' || e.s, 'domain', 'a' || e.i || '.example.com', 'industry',
                               'Wholesale', 'phone', '+15550002', 'notes', 'Renamed')
                           WHEN 'AccountAssigned' THEN json_build_object('accountId', e.id, 'assignedTo',
                               'usr_01KBENCH0000000000000000AD')
                           WHEN 'AccountTagsChanged' THEN json_build_object('accountId', e.id, 'tags',
                               json_build_array('tier' || e.s))
                           WHEN 'AccountDeleted' THEN json_build_object('accountId', e.id)
                           WHEN 'OpportunityCreated' THEN json_build_object('opportunityId', e.id, 'name',
                               'Deal ' || e.i, 'value', (e.i % 900) * 100, 'currency', 'USD', 'stage', 'qualification',
                               'accountId', 'acc_01B' || lpad(upper(to_hex(1 + e.i % 1000)), 23, '0'), 'contactId',
                               NULL, 'assignedTo', NULL, 'closeDate', (date '2026-03-01' + e.i % 300)::text)
                           WHEN 'OpportunityStageChanged' THEN json_build_object('opportunityId', e.id,
                               'previousStage', 'qualification', 'stage',
                               (ARRAY['needs_analysis', 'proposal', 'negotiation', 'closed_won'])[1 + e.s % 4])
                           WHEN 'OpportunityDetailsCorrected' THEN json_build_object('opportunityId', e.id, 'name',
                               'Deal ' || e.i || '-' || e.s, 'value', (e.i % 900) * 100 + e.s + 0.5, 'currency', 'EUR',
                               'closeDate', NULL)
                           WHEN 'OpportunityAssigned' THEN json_build_object('opportunityId', e.id, 'assignedTo',
                               'usr_01KBENCH0000000000000000AD')
                           WHEN 'OpportunityAccountChanged' THEN json_build_object('opportunityId', e.id, 'accountId',
                               'acc_01B' || lpad(upper(to_hex(1 + (e.i + e.s) % 1000)), 23, '0'))
                           WHEN 'OpportunityContactChanged' THEN json_build_object('opportunityId', e.id, 'contactId',
                               'cnt_01B' || lpad(upper(to_hex(1 + (e.i * 7 + e.s) % 1000)), 23, '0'))
                           WHEN 'OpportunityDeleted' THEN json_build_object('opportunityId', e.id)
                           WHEN 'NoteAdded' THEN json_build_object('noteId', e.id, 'contactId',
                               'cnt_01B' || lpad(upper(to_hex(1 + e.i % 1000)), 23, '0'), 'body',
                               'Called about order ' || e.i, 'authorId', 'usr_01KBENCH0000000000000000AD')
                           WHEN 'NoteEdited' THEN json_build_object('noteId', e.id, 'body', 'Called twice about order '
                               || e.i)
                           WHEN 'NoteDeleted' THEN json_build_object('noteId', e.id, 'contactId',
                               'cnt_01B' || lpad(upper(to_hex(1 + e.i % 1000)), 23, '0'), 'withContact', false)
                           WHEN 'TaskCreated' THEN json_build_object('taskId', e.id, 'title', 'Call back ' || e.i,
                               'dueAt', to_char((e.at + interval '3 days') AT TIME ZONE 'UTC',
                               'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'status', 'open', 'contactId',
                               'cnt_01B' || lpad(upper(to_hex(1 + e.i % 1000)), 23, '0'), 'assignedTo', NULL)
                           WHEN 'TaskDetailsCorrected' THEN json_build_object('taskId', e.id, 'title',
                               'Call back ' || e.i || '-' || e.s, 'dueAt', NULL)
                           WHEN 'TaskAssigned' THEN json_build_object('taskId', e.id, 'assignedTo',
                               'usr_01KBENCH0000000000000000AD')
                           WHEN 'TaskContactChanged' THEN json_build_object('taskId', e.id, 'contactId', NULL)
                           WHEN 'TaskDeleted' THEN json_build_object('taskId', e.id, 'contactId', NULL,
                               'withContact', false)
                           ELSE json_build_object('taskId', e.id) END AS payload -- TaskCompleted, TaskReopened
                  FROM step e)
            INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type,
                time_stamp, aggregate_identifier, sequence_number, type)
            SELECT gen_random_uuid()::text,
                   convert_to(json_build_object('actorId', 'usr_01KBENCH0000000000000000AD', 'actorName',
                       'Bench Admin', 'requestId', md5(e.id || e.s), 'traceId', gen_random_uuid(),
                       'correlationId', gen_random_uuid())::text, 'UTF8'),
                   convert_to(e.payload::text, 'UTF8'), e.type || e.kind,
                   to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), e.id, e.s, e.aggregate
              FROM event e ORDER BY e.at""";

    @Override
    protected void print(String format, Object... args) {
        System.out.println("REPLAY-BENCH " + format.formatted(args));
    }
}
