package dev.crm.app.bench;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain benchmark (not part of the test suite; run it with {@code bench/verify.sh}): loads the replay
 * benchmark's mix of events (about {@code bench.events}, default 100,000) straight into a fresh event store,
 * numbers and chains them, then measures {@code GET /api/audit/verify/} a few times over real HTTP, numbering
 * with and without the chain, and the chaining of a store whose positions have no links yet (an upgrade).
 */
class VerifyBenchmark extends StoreBenchmark {

    @Test
    void verify() {
        double scale = Integer.getInteger("bench.events", 100_000) / 12_000.0;
        long start = System.nanoTime();
        long events = load(ReplayBenchmark.LOAD, (int) (1000 * scale), (int) (400 * scale), (int) (200 * scale),
                (int) (400 * scale), (int) (1000 * scale), (int) (600 * scale));
        print("%,d events in the store (load, number and chain: %.1f s)", events, seconds(start));

        double took = 0;
        for (int run = 1; run <= 3; run++) {
            start = System.nanoTime();
            JsonNode answer = admin.get("/api/audit/verify/").expect(200).json();
            took = seconds(start);
            assertThat(answer.get("verified").booleanValue()).as("%s", answer).isTrue();
            print("verify run %d: %,d events in %.2f s = %,.0f events/s", run, answer.get("events").longValue(),
                    took, answer.get("events").longValue() / took);
        }

        // Numbering without the chain, one INSERT ... SELECT as the sequencer did before the chain, against the
        // sequencer's run now: both from an empty event_position.
        unnumber();
        start = System.nanoTime();
        jdbc.update("""
                INSERT INTO event_store.event_position (position, global_index)
                SELECT row_number() OVER (ORDER BY e.tx_id, e.global_index), e.global_index
                  FROM event_store.domain_event_entry e ORDER BY e.tx_id, e.global_index""");
        print("numbering %,d events without the chain (one INSERT ... SELECT): %.2f s", events, seconds(start));
        unnumber();
        start = System.nanoTime();
        admin.get("/api/audit/head/").expect(200);
        took = seconds(start);
        print("numbering and chaining %,d events (a sequencer run): %.2f s = %,.0f events/s", events, took,
                events / took);

        jdbc.update("UPDATE event_store.event_position SET digest = NULL, hash = NULL");
        start = System.nanoTime();
        admin.get("/api/audit/head/").expect(200);
        took = seconds(start);
        print("chaining %,d positions that had no links (an upgraded store): %.2f s = %,.0f events/s",
                count("SELECT count(*) FROM event_store.event_position"), took, events / took);
        assertThat(admin.get("/api/audit/verify/").expect(200).json().get("verified").booleanValue()).isTrue();
    }

    private void unnumber() {
        jdbc.update("DELETE FROM event_store.event_position");
        jdbc.update("UPDATE event_store.event_sequencer SET next_tx_id = '0'");
        jdbc.execute("VACUUM ANALYZE event_store.event_position");
    }

    @Override
    protected void print(String format, Object... args) {
        System.out.println("VERIFY-BENCH " + format.formatted(args));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
