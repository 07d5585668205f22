package dev.crm.app.privacy;

/** A person whose personal data the event store keeps encrypted: an id and a key, {@code null} once erased. */
record Person(String id, byte[] key) {

    boolean erased() {
        return key == null;
    }
}
