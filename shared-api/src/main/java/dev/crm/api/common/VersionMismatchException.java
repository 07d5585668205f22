package dev.crm.api.common;

/** An {@code If-Match} precondition named a version that is not the record's current one. Answered with 412. */
public class VersionMismatchException extends RuntimeException {

    public VersionMismatchException(long expected, long actual) {
        super("the record is at version " + actual + ", not " + expected);
    }

    /** An {@code If-Match} value that is no version at all. */
    public VersionMismatchException(String ifMatch) {
        super("If-Match " + ifMatch + " names no version of this record");
    }
}
