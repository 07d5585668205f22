package dev.crm.command.web;

/** A record type's request body, which knows the commands it asks for. */
public interface RecordRequest {

    /** The command creating the record {@code id} from this body ({@code POST}). */
    Object create(String id);

    /** The command changing what this body names and nothing else ({@code PATCH}). */
    Object update(String id, Long expectedVersion);
}
