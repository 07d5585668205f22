package dev.crm.app.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The meters of Axon's messages on the application's meter registry, named as axon-micrometer names them
 * ({@link MessageMeters}, plus its latency monitor): handling times and counts
 * of the command bus and the query bus per message type ({@code payloadType}), the events appended to the
 * event store per event type ({@code eventStore_successCounter_total}: counted when their transaction commits),
 * and per processor ({@code processorName}) the events it handled and how long they took, and for a streaming
 * processor its latency (a subscribing one handles each event in the transaction that appends it).
 * <p>
 * Not Axon's own auto-configuration (excluded in application.properties): it decides before Spring Boot's
 * registry exists that there is none and monitors into a private registry nobody scrapes; and its dimensional
 * mode tags a processor's meters with every event type too, some forty types times twelve processors times a
 * dozen series, where the processor alone is what tells something. Nor Axon's ready-made sets of monitors per
 * component: they include a capacity monitor (the share of a second a component spent handling), which tells
 * nothing the timers do not, and which keeps a sorted window of every message's time and registers its gauge
 * again with each message: an eighth of the server's CPU on the write benchmark went to the monitors, a third
 * of that to the capacity monitors. And not Axon's counting and timing monitors either: they look their meters
 * up in the registry for every message ({@link MessageMeters} registers them once).
 */
@Configuration(proxyBeanMethods = false)
class AxonMetrics {

    @Bean
    ConfigurerModule axonMessageMonitors(MeterRegistry meters) {
        return configurer -> configurer.configureMessageMonitor(axon -> (type, name) -> monitor(meters, type, name));
    }

    // Each monitor takes the messages its component handles (a processor's latency monitor, events), as Axon's do.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> monitor(MeterRegistry meters, Class<?> type, String name) {
        if (EventProcessor.class.isAssignableFrom(type)) {
            Tags processor = Tags.of(TagsUtil.PROCESSOR_NAME_TAG, name);
            // No quantiles (count, sum and max stay): sliding histograms for a dozen processors, updated with every
            // event on the thread that runs the writes, cost that thread a tenth of its CPU.
            MessageMeters handled = MessageMeters.fixed(meters, "eventProcessor", processor);
            if (SubscribingEventProcessor.class.isAssignableFrom(type)) {
                return handled;
            }
            return new MultiMessageMonitor(List.of(handled, (MessageMonitor) EventProcessorLatencyMonitor.builder()
                    .meterNamePrefix("eventProcessor").meterRegistry(meters).tagsBuilder(message -> processor).build()));
        }
        if (CommandBus.class.isAssignableFrom(type) || EventBus.class.isAssignableFrom(type)
                || QueryBus.class.isAssignableFrom(type)) {
            return MessageMeters.perPayloadType(meters, CommandBus.class.isAssignableFrom(type) ? "commandBus"
                    : EventBus.class.isAssignableFrom(type) ? "eventStore" : "queryBus");
        }
        return NoOpMessageMonitor.instance(); // the query update emitter: no subscription queries here
    }
}
