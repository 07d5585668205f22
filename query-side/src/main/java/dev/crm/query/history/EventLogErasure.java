package dev.crm.query.history;

import dev.crm.api.contact.ContactEvents;
import dev.crm.api.lead.LeadEvents;
import dev.crm.api.note.NoteEvents;
import dev.crm.api.privacy.PersonalData;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What an erasure does to the history of the erased record and, for a contact, of its notes: every personal
 * field reads {@value PersonalData#ERASED} where it held a value, in the entries' changes and in the records'
 * folded state. A change from one value to another of the same field then reads "[erased] to [erased]" and
 * is left out, as a rebuild from the events, which decrypt to {@value PersonalData#ERASED}, leaves it out.
 */
final class EventLogErasure {

    /** The names of the personal fields of the events of contacts, leads and notes (their annotations say which). */
    static final String[] PERSONAL_FIELDS = Stream.of(ContactEvents.class, LeadEvents.class, NoteEvents.class)
            .flatMap(events -> Arrays.stream(events.getPermittedSubclasses()))
            .flatMap(event -> Arrays.stream(event.getRecordComponents()))
            .filter(component -> component.isAnnotationPresent(PersonalData.class))
            .map(RecordComponent::getName).distinct().sorted().toArray(String[]::new);

    /** The erased record and, when it is a contact, the notes ever added to it. Parameters: record id twice. */
    private static final String RECORDS = """
            ARRAY[?::text] || ARRAY(SELECT n.entity_id FROM event_log_record n
                                     WHERE starts_with(n.entity_id, 'note_') AND n.state ->> 'contactId' = ?)""";

    /** Parameters: personal fields, then {@link #RECORDS}'. */
    static final String CHANGES = """
            UPDATE event_log l SET changes = coalesce((
                SELECT json_object_agg(c.key, CASE WHEN e.personal THEN json_build_object('from', e.before, 'to', e.after)
                                                   ELSE c.value END ORDER BY c.ord)
                  FROM json_each(l.changes) WITH ORDINALITY AS c(key, value, ord),
                       LATERAL (SELECT c.key = ANY (?::text[]) AS personal,
                                       CASE WHEN coalesce(json_typeof(c.value -> 'from'), 'null') = 'null' THEN 'null'::json
                                            ELSE '"[erased]"'::json END AS before,
                                       CASE WHEN coalesce(json_typeof(c.value -> 'to'), 'null') = 'null' THEN 'null'::json
                                            ELSE '"[erased]"'::json END AS after) e
                 WHERE NOT (e.personal AND e.before::text = e.after::text)), '{}'::json)
             WHERE l.entity_id = ANY (%s)""".formatted(RECORDS);

    /** Parameters: personal fields, then {@link #RECORDS}'. */
    static final String STATE = """
            UPDATE event_log_record r SET state = r.state || coalesce((
                SELECT jsonb_object_agg(s.key, '"[erased]"'::jsonb) FROM jsonb_each(r.state) s
                 WHERE s.key = ANY (?::text[]) AND jsonb_typeof(s.value) <> 'null'), '{}'::jsonb)
             WHERE r.entity_id = ANY (%s)""".formatted(RECORDS);

    private EventLogErasure() {
    }
}
