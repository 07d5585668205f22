package dev.crm.app.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * Axon's message monitors (axon-micrometer) on the application's meter registry: handling times and counts
 * of the command bus and the query bus per message type ({@code payloadType}), the events appended to the
 * event store per event type ({@code eventStore_successCounter_total}: counted when their transaction commits), and per processor ({@code processorName}) the events it handled, how long they
 * took and its latency.
 * <p>
 * Not Axon's own auto-configuration (excluded in application.properties): it decides before Spring Boot's
 * registry exists that there is none and monitors into a private registry nobody scrapes; and its dimensional
 * mode tags a processor's meters with every event type too, some forty types times twelve processors times a
 * dozen series, where the processor alone is what tells something.
 */
@Configuration(proxyBeanMethods = false)
class AxonMetrics {

    /**
     * Axon's capacity gauges (the share of a second a component spent handling) tell nothing the timers do not,
     * and are registered again with every message.
     */
    private static final Set<String> CAPACITY_GAUGES = Set.of("commandBus.capacity", "queryBus.capacity",
            "eventStore.capacity", "eventProcessor.capacity");

    @Bean
    MeterFilter noAxonCapacityGauges() {
        return MeterFilter.deny(id -> CAPACITY_GAUGES.contains(id.getName()));
    }

    @Bean
    ConfigurerModule axonMessageMonitors(MeterRegistry meters) {
        GlobalMetricRegistry registry = new GlobalMetricRegistry(meters);
        return configurer -> configurer.configureMessageMonitor(axon -> (type, name) -> monitor(registry, type, name));
    }

    @SuppressWarnings("unchecked") // each monitor takes the messages its component handles, as Axon's own does
    private static MessageMonitor<Message<?>> monitor(GlobalMetricRegistry registry, Class<?> type, String name) {
        MessageMonitor<?> monitor;
        if (EventProcessor.class.isAssignableFrom(type)) {
            Tags processor = Tags.of(TagsUtil.PROCESSOR_NAME_TAG, name);
            monitor = registry.registerEventProcessor("eventProcessor", message -> processor, message -> processor);
        } else if (CommandBus.class.isAssignableFrom(type)) {
            monitor = registry.registerCommandBus("commandBus", TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
        } else if (EventBus.class.isAssignableFrom(type)) {
            // registerEventBus would tag only the timers: the counters of appended events would not say their type
            MeterRegistry meters = registry.getRegistry();
            monitor = new MultiMessageMonitor<>(
                    MessageCountingMonitor.buildMonitor("eventStore", meters, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                    MessageTimerMonitor.buildMonitor("eventStore", meters, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION));
        } else if (QueryBus.class.isAssignableFrom(type)) {
            monitor = registry.registerQueryBus("queryBus", TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
        } else {
            monitor = NoOpMessageMonitor.instance(); // the query update emitter: no subscription queries here
        }
        return (MessageMonitor<Message<?>>) monitor;
    }
}
