package dev.crm.app.api;

import dev.crm.api.common.IdType;
import dev.crm.api.lead.LeadEvents.LeadConverted;
import dev.crm.api.lead.LeadEvents.LeadCreated;
import dev.crm.api.lead.LeadEvents.LeadDeleted;
import dev.crm.api.lead.LeadEvents.LeadStatusChanged;
import dev.crm.api.lead.LeadStatus;
import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysts' reports: streaming projections that catch up with the events a moment later. */
class ReportsApiTest extends ApiTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void stageDurationsCountEveryStayAndTimeTheEndedOnes() throws InterruptedException {
        String id = admin.post("/api/contacts/", "{\"lastName\": \"Stages\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("s"))).expect(201).id();
        admin.patch("/api/contacts/" + id + "/", "{\"stage\": \"engaged\"}").expect(200);
        admin.patch("/api/contacts/" + id + "/", "{\"stage\": \"customer\"}").expect(200);
        long head = head();

        JsonNode report = await("/api/reports/stage-durations/?entityType=contact", r -> r.get("position").longValue() >= head);
        assertThat(report.get("entityType").stringValue()).isEqualTo("contact");
        assertThat(report.get("stages")).extracting(s -> s.get("stage").stringValue())
                .containsExactly("new", "contacted", "engaged", "proposal_sent", "negotiation", "customer", "inactive");
        JsonNode engaged = stage(report, "engaged");
        assertThat(engaged.get("entered").longValue()).isPositive();
        assertThat(engaged.get("left").longValue()).isPositive();
        assertThat(engaged.get("meanSeconds").doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(engaged.get("medianSeconds").doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(stage(report, "inactive").get("meanSeconds").isNull()).isTrue();

        assertThat(await("/api/reports/stage-durations/?entityType=lead", r -> true).get("stages").size()).isEqualTo(7);
        admin.get("/api/reports/stage-durations/?entityType=user").expect(400);
        admin.get("/api/reports/stage-durations/").expect(400);
    }

    @Test
    void leadFunnelFollowsTheLeadsCreatedInTheWindow() throws InterruptedException {
        Instant from = Instant.now().minusSeconds(1);
        String converted = lead();
        publish(converted, 1, new LeadStatusChanged(converted, LeadStatus.NEW, LeadStatus.CONTACTED));
        publish(converted, 2, new LeadStatusChanged(converted, LeadStatus.CONTACTED, LeadStatus.QUALIFIED));
        publish(converted, 3, new LeadConverted(converted, LeadStatus.QUALIFIED, IdType.CONTACT.newId(), null, null));
        String lost = lead();
        publish(lost, 1, new LeadStatusChanged(lost, LeadStatus.NEW, LeadStatus.LOST));
        String deleted = lead();
        publish(deleted, 1, new LeadStatusChanged(deleted, LeadStatus.NEW, LeadStatus.CONTACTED));
        publish(deleted, 2, new LeadDeleted(deleted));
        lead();
        long head = head();
        String window = "?from=" + from + "&to=" + Instant.now().plusSeconds(60);

        JsonNode funnel = await("/api/reports/lead-funnel/" + window, r -> r.get("position").longValue() >= head);
        assertThat(funnel.get("created").longValue()).isEqualTo(4);
        assertThat(funnel.at("/reached/new").longValue()).isEqualTo(4);
        assertThat(funnel.at("/reached/contacted").longValue()).isEqualTo(2);
        assertThat(funnel.at("/reached/qualified").longValue()).isEqualTo(1);
        assertThat(funnel.at("/reached/lost").longValue()).isEqualTo(1);
        assertThat(funnel.at("/reached/nurturing").longValue()).isZero();
        assertThat(funnel.get("converted").longValue()).isEqualTo(1);
        assertThat(funnel.get("conversionRate").doubleValue()).isEqualTo(0.25);
        assertThat(funnel.get("medianTimeToConversionSeconds").doubleValue()).isGreaterThanOrEqualTo(0);

        JsonNode leadStages = await("/api/reports/stage-durations/?entityType=lead", r -> r.get("position").longValue() >= head);
        assertThat(stage(leadStages, "converted").get("entered").longValue()).isPositive();

        // A rebuild replays the report from the start of the store and ends with the same answer.
        assertThat(admin.post("/api/admin/projections/lead-funnel/rebuild/", null).expect(202).json()
                .get("state").stringValue()).isEqualTo("rebuilding");
        JsonNode replayed = await("/api/reports/lead-funnel/" + window, r -> r.get("position").longValue() >= head
                && !state("lead-funnel").equals("rebuilding"));
        assertThat(replayed.get("created")).isEqualTo(funnel.get("created"));
        assertThat(replayed.get("reached")).isEqualTo(funnel.get("reached"));
        assertThat(replayed.get("converted")).isEqualTo(funnel.get("converted"));

        JsonNode empty = admin.get("/api/reports/lead-funnel/?to=2000-01-01").expect(200).json();
        assertThat(empty.get("created").longValue()).isZero();
        assertThat(empty.get("conversionRate").isNull()).isTrue();
        admin.get("/api/reports/lead-funnel/?from=2025-02-01&to=2025-01-01").expect(400);
        admin.get("/api/reports/lead-funnel/?from=yesterday").expect(400);
    }

    @Test
    void reportsRunOnTrackingProcessorsWithADeadLetterQueue() {
        for (String group : new String[] {"stage-durations", "lead-funnel"}) {
            assertThat(processing.deadLetterQueue(group)).as(group).isPresent();
            JsonNode projection = null;
            for (JsonNode p : admin.get("/api/admin/projections/").expect(200).json().get("results")) {
                if (p.get("name").stringValue().equals(group)) {
                    projection = p;
                }
            }
            assertThat(projection).as(group).isNotNull();
            assertThat(projection.get("mode").stringValue()).isEqualTo("tracking");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.token_entry WHERE processor_name = 'lead-funnel'",
                Integer.class)).isPositive();
    }

    /** A paused processor (a rebuild pauses it) still answers with the position its tables hold. */
    @Test
    void aPausedReportKeepsSayingUpToWhichPositionItIsComputed() throws InterruptedException {
        lead();
        long head = head();
        long position = await("/api/reports/lead-funnel/", r -> r.get("position").longValue() >= head)
                .get("position").longValue();
        StreamingEventProcessor processor = processing.eventProcessor("lead-funnel", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutdownAsync().join();
        try {
            assertThat(processor.processingStatus()).isEmpty();
            assertThat(admin.get("/api/reports/lead-funnel/").expect(200).json().get("position").longValue())
                    .isGreaterThanOrEqualTo(position);
            JsonNode list = admin.get("/api/admin/projections/").expect(200).json();
            for (JsonNode projection : list.get("results")) {
                if (projection.get("name").stringValue().equals("lead-funnel")) {
                    assertThat(projection.get("position").longValue()).isGreaterThanOrEqualTo(position);
                }
            }
        } finally {
            processor.start();
        }
    }

    private String state(String projection) {
        for (JsonNode p : admin.get("/api/admin/projections/").expect(200).json().get("results")) {
            if (p.get("name").stringValue().equals(projection)) {
                return p.get("state").stringValue();
            }
        }
        throw new AssertionError("no projection " + projection);
    }

    private String lead() {
        String id = IdType.LEAD.newId();
        publish(id, 0, new LeadCreated(id, "Lee", "Funnel", "lee@example.com", null, "Acme", LeadStatus.NEW, "web",
                null, null, false, false, null));
        return id;
    }

    private void publish(String leadId, long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Lead", leadId, sequence, event,
                MetaData.with("actorId", "system").and("actorName", "system")));
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
    }

    private JsonNode await(String path, Predicate<JsonNode> ready) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode report = admin.get(path).expect(200).json();
            if (ready.test(report)) {
                return report;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the report at " + path + " did not catch up");
    }

    private static JsonNode stage(JsonNode report, String name) {
        for (JsonNode stage : report.get("stages")) {
            if (stage.get("stage").stringValue().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + name);
    }
}
