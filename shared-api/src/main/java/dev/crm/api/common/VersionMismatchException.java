package dev.crm.api.common;

/** An {@code If-Match} precondition named a version that is not the record's current one. Answered with 412. */
public class VersionMismatchException extends RuntimeException {

    public VersionMismatchException(long expected, long actual) {
        super("the record is at version " + actual + ", not " + expected);
    }

    /** An {@code If-Match} entity tag that can never match: weak, or no version at all. */
    public VersionMismatchException(String ifMatch) {
        super("If-Match " + ifMatch + " can never match: only a strong entity tag of a version, such as \"3\", can");
    }
}
