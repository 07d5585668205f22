import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Creates N contacts over HTTP at a chosen concurrency and prints creates/s with p50/p99 latency, then
 * runs filtered list queries and prints the same figures. Run against a started server:
 *
 *   java bench/ContactsBench.java --url http://localhost:8080 --token $CRM_ADMIN_TOKEN \
 *        --contacts 5000 --concurrency 8 --queries 2000 [--warmup 3000]
 */
public class ContactsBench {

    private static final String[] STAGES = {"new", "contacted", "engaged", "proposal_sent", "negotiation", "customer"};
    private static final String[] TAGS = {"saas", "inbound", "enterprise", "warm", "vip", "churn-risk"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String url = opts.getOrDefault("url", "http://localhost:8080");
        String token = opts.get("token");
        int contacts = Integer.parseInt(opts.getOrDefault("contacts", "5000"));
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "8"));
        int queries = Integer.parseInt(opts.getOrDefault("queries", "2000"));
        if (token == null) {
            System.err.println("--token <admin or member token> is required");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);

        // Warm-up, not measured: on 2 cores the JIT compilers of server and client take most of the CPU for
        // the first few thousand requests, and that is not the steady state we want to know.
        int warmUp = Integer.parseInt(opts.getOrDefault("warmup", "3000"));
        measure(http, concurrency, warmUp, i -> create(url, token, "warm" + run, i));
        measure(http, concurrency, warmUp, i -> list(url, token, run, i));

        Result creates = measure(http, concurrency, contacts, i -> create(url, token, run, i));
        creates.print("create contact", concurrency);

        Result lists = measure(http, concurrency, queries, i -> list(url, token, run, i));
        lists.print("filtered list", concurrency);
    }

    private static HttpRequest create(String url, String token, String run, int i) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body = """
                {"firstName": "Bench%d", "lastName": "Run%s", "email": "bench%d.%s@example.com",
                 "phone": "+1555%07d", "title": "Buyer", "stage": "%s", "tags": ["%s", "%s", "run-%s"],
                 "notes": "created by the benchmark"}""".formatted(i, run, i, run, i % 10_000_000,
                STAGES[r.nextInt(STAGES.length)], TAGS[r.nextInt(TAGS.length)], TAGS[r.nextInt(TAGS.length)], run);
        return HttpRequest.newBuilder(URI.create(url + "/api/contacts/"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest list(String url, String token, String run, int i) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String query = switch (i % 4) {
            case 0 -> "stage=" + STAGES[r.nextInt(STAGES.length)];
            case 1 -> "tags=" + TAGS[r.nextInt(TAGS.length)] + ",run-" + run;
            case 2 -> "search=" + enc("bench" + r.nextInt(1000));
            default -> "stage=" + STAGES[r.nextInt(STAGES.length)] + "&ordering=lastName&page=2";
        };
        return HttpRequest.newBuilder(URI.create(url + "/api/contacts/?limit=20&" + query))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private static Result measure(HttpClient http, int concurrency, int total, IntFunction<HttpRequest> request)
            throws Exception {
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
                    try {
                        HttpResponse<Void> response = http.send(request.apply(i), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 300) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
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
            System.out.printf("%-15s concurrency=%-3d n=%-6d %8.0f req/s   p50 %6.1f ms   p99 %6.1f ms   failures %d%n",
                    what, concurrency, total, total / (elapsedNanos / 1e9), pct(sorted, 0.50), pct(sorted, 0.99),
                    failures);
        }

        private static double pct(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }
}
