package dev.crm.api.common;

/** The record does not exist (or no longer does). Answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
