package dev.crm.app.privacy;

import dev.crm.app.support.ApiTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event store migration 4.1 on a store written before personal data was encrypted: a database of its own,
 * migrated to version 4, given plaintext events as the earlier code stored them, then migrated on.
 */
class EncryptStoredPersonalDataTest extends ApiTest {

    private static final String LEAD = "ld_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String CONTACT = "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String NOTE = "note_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String OTHER = "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8W";

    @Autowired
    private DataSource application;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void encryptsEveryPersonsFieldsWithOneKeyPerPersonAndLeavesTheRestAsItWas() throws Exception {
        String database = "crm_migration_" + UUID.randomUUID().toString().replace("-", "");
        new JdbcTemplate(application).execute("CREATE DATABASE " + database);
        try {
            String[] server = new JdbcTemplate(application).execute((ConnectionCallback<String[]>) connection ->
                    new String[] {connection.getMetaData().getURL(), connection.getMetaData().getUserName()});
            String url = server[0].replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
            DriverManagerDataSource old = new DriverManagerDataSource(url, server[1],
                    System.getenv().getOrDefault("CRM_TEST_DATABASE_PASSWORD", ""));
            Flyway.configure().dataSource(old).schemas("event_store").createSchemas(true)
                    .locations("classpath:db/eventstore").target("4").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(old);
            store(jdbc, 1, LEAD, "dev.crm.api.lead.LeadEvents$LeadCreated", """
                    {"leadId":"%s","firstName":"Grace","lastName":"Hopper","email":"grace@example.com","phone":null,\
                    "company":"Navy","status":"new","source":null,"assignedTo":null,"leadScore":null,\
                    "emailOptOut":false,"emailBounced":false,"notes":"wrote COBOL"}""".formatted(LEAD));
            store(jdbc, 2, LEAD, "dev.crm.api.lead.LeadEvents$LeadConverted", """
                    {"leadId":"%s","previousStatus":"new","contactId":"%s","accountId":null,"opportunityId":null}"""
                    .formatted(LEAD, CONTACT));
            store(jdbc, 1, CONTACT, "dev.crm.api.contact.ContactEvents$ContactCreated", """
                    {"contactId":"%s","firstName":"Grace","lastName":"Hopper","email":"grace@example.com",\
                    "phone":null,"title":null,"notes":"wrote COBOL","stage":"new","accountId":null,"assignedTo":null,\
                    "tags":[],"emailOptOut":false,"emailBounced":false}""".formatted(CONTACT));
            store(jdbc, 1, NOTE, "dev.crm.api.note.NoteEvents$NoteAdded", """
                    {"noteId":"%s","contactId":"%s","body":"found a moth","authorId":null}""".formatted(NOTE, CONTACT));
            store(jdbc, 1, OTHER, "dev.crm.api.contact.ContactEvents$ContactCreated", """
                    {"contactId":"%s","firstName":null,"lastName":"Lovelace","email":"ada@example.com",\
                    "phone":null,"title":"Countess","notes":null,"stage":"new","accountId":null,"assignedTo":null,\
                    "tags":[],"emailOptOut":false,"emailBounced":false}""".formatted(OTHER));

            Flyway.configure().dataSource(old).schemas("event_store").createSchemas(true)
                    .locations("classpath:db/eventstore").javaMigrations(new EncryptStoredPersonalData()).load()
                    .migrate();

            String all = String.join("\n", jdbc.queryForList(
                    "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry", String.class));
            for (String plaintext : List.of("Grace", "Hopper", "grace@", "COBOL", "moth", "Lovelace", "ada@")) {
                assertThat(all).doesNotContain(plaintext);
            }
            assertThat(all).contains("\"title\":\"Countess\"").contains("\"company\":\"Navy\"");
            Map<String, String> persons = Map.of(LEAD, LEAD, CONTACT, LEAD, NOTE, LEAD, OTHER, OTHER);
            persons.forEach((record, person) -> assertThat(jdbc.queryForObject(
                    "SELECT person_id FROM event_store.person_record WHERE record_id = ?", String.class, record))
                    .isEqualTo(person));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.person_key", Long.class)).isEqualTo(2);

            ObjectNode contact = (ObjectNode) json.readTree(jdbc.queryForObject(
                    "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                    String.class, CONTACT));
            byte[] key = jdbc.queryForObject("SELECT key FROM event_store.person_key WHERE person_id = ?",
                    byte[].class, LEAD);
            assertThat(PersonalDataCipher.decrypt(key, "lastName", contact.get("lastName").stringValue()))
                    .isEqualTo("Hopper");
            assertThat(PersonalDataCipher.decrypt(key, "notes", contact.get("notes").stringValue()))
                    .isEqualTo("wrote COBOL");
        } finally {
            new JdbcTemplate(application).execute("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    private static void store(JdbcTemplate jdbc, long version, String record, String type, String payload) {
        jdbc.update("""
                INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                VALUES (?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), ?, '2025-01-01T00:00:00Z', ?, ?, ?)""",
                UUID.randomUUID().toString(), payload, type, record, version - 1,
                record.startsWith("ld_") ? "Lead" : record.startsWith("note_") ? "Note" : "Contact");
    }
}
