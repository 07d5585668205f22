package dev.crm.app.api;

import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import dev.crm.app.support.OtherInstanceWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Autowired
    private JdbcTemplate jdbc;

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

    @Test
    void aWriteThatLosesTheRaceToAnotherInstanceIsRetriedOnTheNewVersion() {
        String id = admin.post("/api/contacts/", "{\"firstName\": \"Two\", \"email\": \"two@example.com\"}")
                .expect(201).id();

        Response answer = admin.patch("/api/contacts/" + id + "/",
                "{\"title\": \"" + OtherInstanceWriter.RACE_TITLE + "\"}").expect(200);

        // The other instance's event took version 2; ours was run again on top of it.
        assertThat(answer.header("ETag")).isEqualTo("\"3\"");
        assertThat(answer.json().get("title").stringValue()).isEqualTo(OtherInstanceWriter.RACE_TITLE);
        assertThat(jdbc.queryForList("""
                SELECT payload_type FROM event_store.domain_event_entry WHERE aggregate_identifier = ?
                 ORDER BY sequence_number""", String.class, id))
                .containsExactly("dev.crm.api.contact.ContactEvents$ContactCreated",
                        "dev.crm.api.contact.ContactEvents$ContactTagsChanged",
                        "dev.crm.api.contact.ContactEvents$ContactDetailsCorrected");
    }
}
