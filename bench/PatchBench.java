import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PATCH /api/contacts/{id}/ on records with a short and with a long history. Every PATCH moves the contact to
 * another stage, so every one appends an event. Run against a started server:
 *
 *   java bench/PatchBench.java --url http://localhost:8080 --token $CRM_ADMIN_TOKEN \
 *        --contacts 3000 --concurrency 8 --history 10000 --patches 2000
 *
 * 1. Creates --contacts contacts, then PATCHes each once at --concurrency: records with 1 prior event.
 * 2. Creates one contact and PATCHes it until it has --history events (printing progress), then PATCHes it
 *    --patches more times one after the other (writes to one record are serialized anyway): a record with
 *    --history prior events.
 */
public class PatchBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(cnt_[0-9A-Z]+)\"");
    private static final String[] STAGES = {"contacted", "engaged"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String url = opts.getOrDefault("url", "http://localhost:8080");
        String token = opts.get("token");
        int contacts = Integer.parseInt(opts.getOrDefault("contacts", "3000"));
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "8"));
        int history = Integer.parseInt(opts.getOrDefault("history", "10000"));
        int patches = Integer.parseInt(opts.getOrDefault("patches", "2000"));
        if (token == null) {
            System.err.println("--token <admin or member token> is required");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);

        String[] ids = new String[contacts];
        measure(http, concurrency, contacts, i -> create(url, token, run, i), (i, body) -> ids[i] = id(body));
        Result fresh = measure(http, concurrency, contacts, i -> patch(url, token, ids[i], STAGES[0]), null);
        fresh.print("PATCH, 1 prior event", concurrency);

        String[] old = new String[1];
        measure(http, 1, 1, i -> create(url, token, run + "old", i), (i, body) -> old[0] = id(body));
        for (int done = 1; done < history; done += 1000) {
            int batch = Math.min(1000, history - done);
            int from = done;
            measure(http, 1, batch, i -> patch(url, token, old[0], STAGES[(from + i) % 2]), null);
            System.out.printf("  history of %s: %d events%n", old[0], done + batch);
        }
        Result long1 = measure(http, 1, patches, i -> patch(url, token, old[0], STAGES[(history + i) % 2]), null);
        long1.print("PATCH, " + history + " prior events", 1);
    }

    private static HttpRequest create(String url, String token, String run, int i) {
        String body = """
                {"firstName": "Patch%d", "lastName": "Run%s", "email": "patch%d.%s@example.com", "stage": "new"}"""
                .formatted(i, run, i, run);
        return HttpRequest.newBuilder(URI.create(url + "/api/contacts/"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest patch(String url, String token, String id, String stage) {
        return HttpRequest.newBuilder(URI.create(url + "/api/contacts/" + id + "/"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"stage\": \"" + stage + "\"}")).build();
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no contact id in " + body);
        }
        return m.group(1);
    }

    private interface Answer {
        void accept(int i, String body);
    }

    private static Result measure(HttpClient http, int concurrency, int total, IntFunction<HttpRequest> request,
                                  Answer answer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[] latencies = new long[total];
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t0;
                    if (response.statusCode() >= 300) {
                        failures.incrementAndGet();
                    } else if (answer != null) {
                        answer.accept(i, response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Result(total, elapsed, latencies, failures.get());
    }

    private record Result(int total, long elapsedNanos, long[] latencies, int failures) {
        void print(String what, int concurrency) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf("%-28s concurrency=%-3d n=%-6d %8.0f req/s   p50 %6.1f ms   p99 %6.1f ms   failures %d%n",
                    what, concurrency, total, total / (elapsedNanos / 1e9), pct(sorted, 0.50), pct(sorted, 0.99),
                    failures);
        }

        private static double pct(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }
}
