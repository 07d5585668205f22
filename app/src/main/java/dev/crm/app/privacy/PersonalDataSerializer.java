package dev.crm.app.privacy;

import dev.crm.api.privacy.PersonalData;
import dev.crm.api.privacy.ReadablePayloads;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event serializer: Axon's own (JSON), except that the {@link PersonalData} fields of an event are
 * encrypted with the key of its person ({@link PersonKeys}) on the way into the event store, and decrypted on
 * the way out, or read {@value PersonalData#ERASED} once the person is erased. The events themselves never
 * change: erasing destroys a key, not a row. A field stored before encryption existed is read as it is.
 * <p>
 * Writing an event also records which person its records belong to: its {@code @DataSubject}'s (a new person
 * on a record's first event) and, for {@code @SamePerson} fields, the records it joins to that person.
 */
class PersonalDataSerializer implements Serializer, ReadablePayloads, SealsInBatches {

    private final Serializer delegate;
    private final PersonKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, PersonalFields> byPayloadType = new ConcurrentHashMap<>();

    PersonalDataSerializer(Serializer delegate, PersonKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalFields fields = PersonalFields.of(object == null ? null : object.getClass());
        if (!fields.concernsPerson()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> plain = delegate.serialize(object, byte[].class);
        ObjectNode node = (ObjectNode) json.readTree(plain.getData());
        PersonalPayload.seal(node, fields, keys);
        byte[] sealed = json.writeValueAsBytes(node);
        return new SimpleSerializedObject<>(getConverter().convert(sealed, byte[].class, expectedRepresentation),
                expectedRepresentation, plain.getType());
    }

    @Override
    public void sealing(List<? extends EventMessage<?>> events, Runnable append) {
        Set<String> records = new LinkedHashSet<>();
        Set<String> starting = new HashSet<>();
        for (EventMessage<?> event : events) {
            Object payload = event.getPayload();
            PersonalFields fields = PersonalFields.of(payload == null ? null : payload.getClass());
            if (fields.concernsPerson()) {
                records.addAll(fields.records(payload));
            }
            if (event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0) {
                starting.add(domain.getAggregateIdentifier());
            }
        }
        keys.inBatch(records, starting, append);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        PersonalFields fields = PersonalFields.of(classOf(serializedObject.getType()));
        if (fields.personal().isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        // As a tree, opened in place and read from there: no second parse of the bytes. A tree handed in (an
        // upcaster's) is copied, not changed under its owner.
        boolean handedIn = JsonNode.class.equals(serializedObject.getContentType());
        SerializedObject<JsonNode> stored = getConverter().convert(serializedObject, JsonNode.class);
        ObjectNode node = handedIn ? (ObjectNode) stored.getData().deepCopy() : (ObjectNode) stored.getData();
        PersonalPayload.open(node, fields, keys);
        return delegate.deserialize(new SimpleSerializedObject<>(node, JsonNode.class, stored.getType()));
    }

    @Override
    public boolean mayHoldPersonalData(String payloadType) {
        return !fieldsOf(payloadType).personal().isEmpty();
    }

    @Override
    public String readable(String payloadType, String storedPayload, byte[] key) {
        PersonalFields fields = fieldsOf(payloadType);
        if (fields.personal().isEmpty() || !storedPayload.contains(PersonalDataCipher.PREFIX)
                || !(json.readTree(storedPayload) instanceof ObjectNode node)) {
            return storedPayload;
        }
        PersonalPayload.open(node, fields, new KnownKey(key));
        return json.writeValueAsString(node);
    }

    private PersonalFields fieldsOf(String payloadType) {
        return byPayloadType.computeIfAbsent(payloadType,
                type -> PersonalFields.of(classOf(new SimpleSerializedType(type, null))));
    }

    private Class<?> classOf(SerializedType type) {
        Class<?> found = delegate.classForType(type);
        return UnknownSerializedType.class.equals(found) ? null : found;
    }

    /** The one person whose key the reader already has ({@code null}: erased, or none). */
    private record KnownKey(byte[] key) implements PersonDirectory {
        @Override
        public Person find(String recordId) {
            return new Person(recordId, key);
        }

        @Override
        public Person findOrCreate(String recordId) {
            throw new UnsupportedOperationException("only reads");
        }

        @Override
        public void link(String recordId, Person person) {
            throw new UnsupportedOperationException("only reads");
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
