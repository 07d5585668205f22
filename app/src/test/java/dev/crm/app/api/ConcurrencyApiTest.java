package dev.crm.app.api;

import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes to one record without If-Match are serialized by the record's version, and none is lost. */
class ConcurrencyApiTest extends ApiTest {

    private static final int WRITERS = 20;

    @Test
    void twentyConcurrentPatchesAllSucceedAndAllShowInTheHistory() throws Exception {
        String id = admin.post("/api/contacts/", "{\"firstName\": \"Race\", \"email\": \"race@example.com\"}")
                .expect(201).id();
        String path = "/api/contacts/" + id + "/";

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CompletableFuture<Void> start = new CompletableFuture<>();
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < WRITERS; i++) {
                String title = "title " + i;
                answers.add(pool.submit(() -> {
                    start.join();
                    return admin.patch(path, "{\"title\": \"" + title + "\"}");
                }));
            }
            start.complete(null);
            for (Future<Response> answer : answers) {
                answer.get().expect(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode history = admin.get(path + "history/?limit=100").expect(200).json();
        assertThat(history.get("count").intValue()).isEqualTo(WRITERS + 1);
        List<Integer> versions = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode entry : history.get("results")) {
            versions.add(entry.get("version").intValue());
            if (entry.get("changes").has("title")) {
                titles.add(entry.get("changes").get("title").get("to").stringValue());
            }
        }
        assertThat(versions).isEqualTo(java.util.stream.IntStream.rangeClosed(1, WRITERS + 1).boxed().toList());
        assertThat(titles).hasSize(WRITERS).doesNotHaveDuplicates();
        assertThat(admin.get(path).header("ETag")).isEqualTo("\"" + (WRITERS + 1) + "\"");
    }
}
