package dev.crm.api.common;

/** The caller is known but may not do this. Answered with 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
