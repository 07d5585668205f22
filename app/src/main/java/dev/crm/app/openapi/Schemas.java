package dev.crm.app.openapi;

import dev.crm.api.common.IdType;
import io.swagger.v3.oas.models.media.Schema;

/** Small pieces the document's schemas share. */
final class Schemas {

    /** The ULID part of every record id, upper case as issued (Crockford's alphabet). */
    static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";

    private Schemas() {
    }

    /** A reference to the component schema of a type, such as an enum ({@code ContactStage}). */
    static Schema<?> ref(Class<?> type) {
        return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
    }

    /** Bean Validation matches a whole value; an OpenAPI pattern matches anywhere unless anchored. */
    static String anchored(String regexp) {
        return regexp.startsWith("^") && regexp.endsWith("$") ? regexp : "^(?:" + regexp + ")$";
    }

    /** {@code a contact id (cnt_...)}. */
    static String idOf(IdType type) {
        return withArticle(type.entityType()) + " id (" + type.prefix() + "...)";
    }

    /** {@code a contact}, {@code an opportunity}, {@code a user}. */
    static String withArticle(String noun) {
        return ("aeio".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The shape of an id of the type. */
    static String idPattern(IdType type) {
        return type.prefix() + ULID;
    }
}
