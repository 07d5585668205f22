package dev.crm.query.web;

/**
 * A query parameter's value that cannot mean anything, with the reason worded for clients. Thrown by
 * {@link QueryValues}; {@link QueryStringRecords} lists it under the parameter's name.
 */
public class RejectedParameter extends IllegalArgumentException {

    public RejectedParameter(String reason) {
        super(reason);
    }
}
