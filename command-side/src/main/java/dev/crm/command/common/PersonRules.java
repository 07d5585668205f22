package dev.crm.command.common;

import dev.crm.api.common.FieldError;
import dev.crm.api.common.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;

import static dev.crm.command.common.Values.isBlank;

/** What every person record (contact, lead, user) needs: a first or a last name, and an email. */
public final class PersonRules {

    public static final String NAME_REQUIRED = "firstName or lastName is required";

    private PersonRules() {
    }

    public static boolean hasName(String firstName, String lastName) {
        return !isBlank(firstName) || !isBlank(lastName);
    }

    /** The broken rules, for an aggregate that has rules of its own to add before it throws. */
    public static List<FieldError> broken(String firstName, String lastName, String email) {
        List<FieldError> errors = new ArrayList<>();
        if (!hasName(firstName, lastName)) {
            errors.add(new FieldError("firstName", NAME_REQUIRED));
        }
        if (isBlank(email)) {
            errors.add(new FieldError("email", "is required"));
        }
        return errors;
    }

    public static void require(String firstName, String lastName, String email) {
        throwIfAny(broken(firstName, lastName, email));
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
