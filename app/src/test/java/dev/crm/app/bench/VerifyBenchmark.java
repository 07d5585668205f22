package dev.crm.app.bench;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain benchmark (not part of the test suite; run it with {@code bench/verify.sh}): loads the replay
 * benchmark's mix of events (about {@code bench.events}, default 100,000) straight into a fresh event store,
 * numbers and chains them, then measures {@code GET /api/audit/verify/} a few times over real HTTP, and the
 * chaining of a store whose positions have no links yet (an upgrade).
 */
class VerifyBenchmark extends StoreBenchmark {

    @Test
    void verify() {
        double scale = Integer.getInteger("bench.events", 100_000) / 12_000.0;
        long start = System.nanoTime();
        long events = load(ReplayBenchmark.LOAD, (int) (1000 * scale), (int) (400 * scale), (int) (200 * scale),
                (int) (400 * scale), (int) (1000 * scale), (int) (600 * scale));
        print("%,d events in the store (load, number and chain: %.1f s)", events, seconds(start));

        for (int run = 1; run <= 3; run++) {
            start = System.nanoTime();
            JsonNode answer = admin.get("/api/audit/verify/").expect(200).json();
            double took = seconds(start);
            assertThat(answer.get("verified").booleanValue()).as("%s", answer).isTrue();
            print("verify run %d: %,d events in %.2f s = %,.0f events/s", run, answer.get("events").longValue(),
                    took, answer.get("events").longValue() / took);
        }

        jdbc.update("UPDATE event_store.event_position SET digest = NULL, hash = NULL");
        start = System.nanoTime();
        admin.get("/api/audit/head/").expect(200);
        double took = seconds(start);
        print("chaining %,d positions that had no links (an upgraded store): %.2f s = %,.0f events/s",
                count("SELECT count(*) FROM event_store.event_position"), took, events / took);
        assertThat(admin.get("/api/audit/verify/").expect(200).json().get("verified").booleanValue()).isTrue();
    }

    @Override
    protected void print(String format, Object... args) {
        System.out.println("VERIFY-BENCH " + format.formatted(args));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
