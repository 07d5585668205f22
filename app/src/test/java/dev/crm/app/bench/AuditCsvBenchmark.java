package dev.crm.app.bench;

import org.junit.jupiter.api.Test;

/**
 * The audit-CSV benchmark's data set (not part of the test suite; {@code bench/audit-csv.sh} runs it, then
 * downloads the CSV from a server with a small heap): loads the replay benchmark's mix of events (about
 * 1,010,000 at the default {@code bench.scale} of 83) straight into the event store, then builds the audit log
 * from them the way the product does, with the admin API's rebuild of {@code event-log}. The report
 * processors skip these events.
 */
class AuditCsvBenchmark extends StoreBenchmark {

    @Test
    void buildDataSet() {
        int scale = Integer.getInteger("bench.scale", 83);
        long events = load(ReplayBenchmark.LOAD, 1000 * scale, 400 * scale, 200 * scale, 400 * scale,
                1000 * scale, 600 * scale);
        double took = rebuild("event-log");
        print("rebuilt event-log in %.1f s = %,.0f events/s of the store's %,d", took, events / took, events);
        print("audit log: %,d entries", count("SELECT count(*) FROM read_model.event_log"));
        skipStreamingProcessorsToTheEnd();
        jdbc.execute("CHECKPOINT");
    }

    @Override
    protected void print(String format, Object... args) {
        System.out.println("AUDIT-CSV-BENCH " + format.formatted(args));
    }
}
