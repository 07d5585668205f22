package dev.crm.command.web;

import dev.crm.api.common.Patch;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link Patch}: a field left out is {@link Patch#absent()}, {@code null} or an empty text is {@link
 * Patch#cleared()}, anything else is read as the patch's value type.
 */
class PatchDeserializer extends ValueDeserializer<Patch<?>> {

    private final JavaType valueType;

    PatchDeserializer() {
        this(null);
    }

    private PatchDeserializer(JavaType valueType) {
        this.valueType = valueType;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        JavaType patchType = property != null ? property.getType() : context.getContextualType();
        return new PatchDeserializer(patchType.containedType(0));
    }

    @Override
    public Patch<?> deserialize(JsonParser parser, DeserializationContext context) {
        Object value = context.readValue(parser, valueType);
        return value == null || "".equals(value) ? Patch.cleared() : Patch.of(value);
    }

    @Override
    public Object getNullValue(DeserializationContext context) {
        return Patch.cleared();
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return Patch.absent();
    }
}
