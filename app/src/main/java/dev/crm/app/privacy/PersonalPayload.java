package dev.crm.app.privacy;

import dev.crm.api.privacy.PersonalData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event's payload as a JSON object, sealed for the event store or opened from it: its
 * {@link PersonalFields} encrypted with, or decrypted by, the key of its person.
 */
final class PersonalPayload {

    private PersonalPayload() {
    }

    /**
     * Encrypts the personal fields that hold text, and records the person of the event's subject (new if
     * needed) and the records it joins to them. A field already encrypted is left as it is.
     */
    static void seal(ObjectNode node, PersonalFields fields, PersonDirectory persons) {
        String subject = text(node, fields.subject());
        if (subject == null) {
            return;
        }
        boolean holdsPersonalData = fields.personal().stream().anyMatch(field -> text(node, field) != null);
        if (!holdsPersonalData && fields.samePerson().isEmpty()) {
            return;
        }
        Person person = persons.findOrCreate(subject);
        for (String record : fields.samePerson()) {
            String id = text(node, record);
            if (id != null) {
                persons.link(id, person);
            }
        }
        for (String field : fields.personal()) {
            String value = text(node, field);
            if (value == null || PersonalDataCipher.isCiphertext(value)) {
                continue;
            }
            if (person.erased()) {
                throw new IllegalStateException("personal data of an erased person cannot be stored");
            }
            node.put(field, PersonalDataCipher.encrypt(person.key(), field, value));
        }
    }

    /** Decrypts the personal fields, or makes them read "[erased]"; text stored before encryption stays. */
    static void open(ObjectNode node, PersonalFields fields, PersonDirectory persons) {
        String subject = text(node, fields.subject());
        Person person = null;
        for (String field : fields.personal()) {
            String value = text(node, field);
            if (!PersonalDataCipher.isCiphertext(value)) {
                continue;
            }
            if (person == null) {
                person = subject == null ? null : persons.find(subject);
            }
            node.put(field, person == null || person.erased() ? PersonalData.ERASED
                    : PersonalDataCipher.decrypt(person.key(), field, value));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
