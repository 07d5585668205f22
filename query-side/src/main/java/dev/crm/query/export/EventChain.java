package dev.crm.query.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The tamper-evident chain over the export order: {@code digest(n)} is the SHA-256 of event {@code n}'s
 * canonical stored form, {@code hash(n) = SHA-256(hash(n-1) || digest(n))} over the raw bytes, {@code hash(0)}
 * 32 zero bytes. One instance follows one walk along the chain (it remembers the last hash); it is not
 * thread-safe.
 * <p>
 * The canonical stored form is the event's row in {@code event_store.domain_event_entry} exactly as stored,
 * so that anyone with the database can recompute a digest (the README shows it byte for byte, and a psql
 * query that does it): the UTF-8 text lines {@code event_identifier}, {@code aggregate_identifier},
 * {@code sequence_number} (decimal), {@code type}, {@code time_stamp}, {@code payload_type},
 * {@code payload_revision}, each followed by {@code \n} (a NULL is the empty string), then the payload's
 * length in bytes (decimal) and {@code \n}, the payload's bytes, {@code \n}, the metadata's length and
 * {@code \n}, the metadata's bytes. The lengths make the two blobs unambiguous. The blobs are taken as stored
 * (encrypted personal fields stay ciphertext), so destroying a person's key never changes a digest.
 */
public final class EventChain {

    /** The columns {@link #digest} reads, of {@code event_store.domain_event_entry} as {@code e}. */
    public static final String COLUMNS = """
            e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp, e.payload_type,
            e.payload_revision, e.payload, e.meta_data""";

    private static final byte[] GENESIS = new byte[32];
    private static final byte[] NEWLINE = {'\n'};
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256 = sha256();
    private byte[] last;

    /** A walk that continues after a link whose hash is {@code last}; {@code null} for the chain's start. */
    public EventChain(byte[] last) {
        this.last = last == null ? GENESIS : last.clone();
    }

    /** The hash before position 1: 32 zero bytes. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    /** The SHA-256 of the canonical stored form of the event in the current row ({@link #COLUMNS}). */
    public byte[] digest(ResultSet row) throws SQLException {
        line(row.getString("event_identifier"));
        line(row.getString("aggregate_identifier"));
        line(Long.toString(row.getLong("sequence_number")));
        line(row.getString("type"));
        line(row.getString("time_stamp"));
        line(row.getString("payload_type"));
        line(row.getString("payload_revision"));
        blob(row.getBytes("payload"));
        sha256.update(NEWLINE);
        blob(row.getBytes("meta_data"));
        return sha256.digest();
    }

    /** Appends a link: answers {@code SHA-256(last || digest)}, which becomes the last hash. */
    public byte[] append(byte[] digest) {
        sha256.update(last);
        sha256.update(digest);
        last = sha256.digest();
        return last.clone();
    }

    /** The hash of the last link appended (or the one the walk started after). */
    public byte[] last() {
        return last.clone();
    }

    private void line(String text) {
        if (text != null) {
            sha256.update(text.getBytes(StandardCharsets.UTF_8));
        }
        sha256.update(NEWLINE);
    }

    private void blob(byte[] bytes) {
        byte[] content = bytes == null ? new byte[0] : bytes;
        line(Integer.toString(content.length));
        sha256.update(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
