package dev.crm.app.openapi;

import dev.crm.api.common.IdType;
import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.regex.Pattern;

/** Small pieces the document's schemas share. */
final class Schemas {

    /** The ULID part of every record id, upper case as issued (Crockford's alphabet). */
    static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";
    private static final Pattern WORDS = Pattern.compile("[a-z_]+(\\|[a-z_]+)+");

    private Schemas() {
    }

    /** A reference to the component schema of a type, such as an enum ({@code ContactStage}). */
    static Schema<?> ref(Class<?> type) {
        return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
    }

    /**
     * A {@code @Pattern}'s regular expression as the schema's: a choice of words ({@code contact|lead}) is an enum;
     * anything else a pattern, anchored, since Bean Validation matches a whole value and OpenAPI anywhere.
     */
    @SuppressWarnings("unchecked") // a string schema takes strings
    static void pattern(Schema<?> schema, String regexp) {
        if (WORDS.matcher(regexp).matches()) {
            ((Schema<String>) schema).setEnum(List.of(regexp.split("\\|")));
        } else {
            schema.setPattern(regexp.startsWith("^") && regexp.endsWith("$") ? regexp : "^(?:" + regexp + ")$");
        }
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
