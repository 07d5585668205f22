package dev.crm.api.common;

/** The request is well-formed but the record's current state does not allow it. Answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
