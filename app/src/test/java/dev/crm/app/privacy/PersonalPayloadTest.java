package dev.crm.app.privacy;

import dev.crm.api.contact.ContactEvents.ContactCreated;
import dev.crm.api.contact.ContactStage;
import dev.crm.api.lead.LeadEvents.LeadConverted;
import dev.crm.api.lead.LeadStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing an event's personal fields for the event store and opening them again, or not, once erased. */
class PersonalPayloadTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Persons persons = new Persons();

    @Test
    void personalFieldsAreEncryptedWithTheirPersonsKeyAndReadBackOnlyWithIt() {
        ObjectNode node = contactCreated("cnt_1");
        PersonalPayload.seal(node, PersonalFields.of(ContactCreated.class), persons);

        assertThat(node.get("lastName").stringValue()).startsWith("enc:v1:").doesNotContain("Lovelace");
        assertThat(node.get("email").stringValue()).startsWith("enc:v1:");
        assertThat(node.get("title").stringValue()).isEqualTo("Countess"); // not personal data
        assertThat(node.get("phone").isNull()).isTrue();                   // nothing to hide
        assertThat(node.get("stage").stringValue()).isEqualTo("new");

        PersonalPayload.open(node, PersonalFields.of(ContactCreated.class), persons);
        assertThat(node).isEqualTo(contactCreated("cnt_1"));
    }

    @Test
    void aConvertedLeadsContactIsTheSamePersonAndAnErasedPersonReadsErased() {
        PersonalPayload.seal(json.valueToTree(new LeadConverted("ld_1", LeadStatus.QUALIFIED, "cnt_2", null, null)),
                PersonalFields.of(LeadConverted.class), persons);
        ObjectNode node = contactCreated("cnt_2");
        PersonalPayload.seal(node, PersonalFields.of(ContactCreated.class), persons);
        assertThat(persons.find("cnt_2").id()).isEqualTo("ld_1");

        persons.erase("ld_1");
        PersonalPayload.open(node, PersonalFields.of(ContactCreated.class), persons);
        assertThat(node.get("firstName").stringValue()).isEqualTo("[erased]");
        assertThat(node.get("email").stringValue()).isEqualTo("[erased]");
        assertThat(node.get("phone").isNull()).isTrue();
        assertThat(node.get("title").stringValue()).isEqualTo("Countess");
    }

    @Test
    void aValueMovedToAnotherFieldDoesNotDecrypt() {
        ObjectNode node = contactCreated("cnt_3");
        PersonalPayload.seal(node, PersonalFields.of(ContactCreated.class), persons);
        node.set("firstName", node.get("email"));
        assertThatThrownBy(() -> PersonalPayload.open(node, PersonalFields.of(ContactCreated.class), persons))
                .hasMessage("cannot decrypt firstName");
    }

    private ObjectNode contactCreated(String id) {
        return json.valueToTree(new ContactCreated(id, "Ada", "Lovelace", "ada@example.com", null, "Countess",
                "likes engines", ContactStage.NEW, null, null, List.of(), false, false));
    }

    /** Persons in memory, as the migration keeps them. */
    private static final class Persons implements PersonDirectory {
        private final Map<String, Person> byRecord = new HashMap<>();

        @Override
        public Person find(String recordId) {
            return byRecord.get(recordId);
        }

        @Override
        public Person findOrCreate(String recordId) {
            return byRecord.computeIfAbsent(recordId, id -> new Person(id, PersonalDataCipher.newKey()));
        }

        @Override
        public void link(String recordId, Person person) {
            byRecord.putIfAbsent(recordId, person);
        }

        void erase(String personId) {
            byRecord.replaceAll((record, person) -> person.id().equals(personId) ? new Person(personId, null) : person);
        }
    }
}
