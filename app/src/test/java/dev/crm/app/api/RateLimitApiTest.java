package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each API token has a budget (the defaults: bursts of 100 requests, 25 a second after that); beyond it a
 * request is refused with 429 before it runs. Other tokens keep theirs, and admin tokens are not limited
 * by default.
 */
class RateLimitApiTest extends ApiTest {

    @Test
    void aTokenOverItsBudgetGets429WithRetryAfterWhileOtherTokensGoOn() throws Exception {
        Api runaway = newUser("member");
        List<Response> answers = burst(runaway, 300);

        List<Response> limited = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(answers.stream().filter(a -> a.status() == 200).count()).isBetween(100L, 250L);
        assertThat(limited).isNotEmpty();
        Response refused = limited.get(0);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("100");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(refused.header("RateLimit-Reset"))).isBetween(1, 5);

        Api calm = newUser("member");
        Response other = calm.get("/api/contacts/?limit=1").expect(200);
        assertThat(other.header("RateLimit-Remaining")).isEqualTo("99");

        assertThat(burst(admin, 300)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("RateLimit-Limit")).isNull();
        });
    }

    private static List<Response> burst(Api client, int requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> sent = IntStream.range(0, requests)
                    .mapToObj(i -> threads.submit(() -> client.get("/api/users/me/")))
                    .toList();
            List<Response> answers = new java.util.ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdown();
        }
    }
}
