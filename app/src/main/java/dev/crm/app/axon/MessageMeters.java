package dev.crm.app.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The counters and timers of Axon's {@code MessageCountingMonitor} and {@code MessageTimerMonitor} (same names,
 * tags and percentiles: {@code <prefix>.ingestedCounter}, {@code .successTimer}, ...), registered once per tag
 * set instead of looked up in the registry again for every message: Axon's pair looks up nine meters per
 * message and component, which was a seventh of the CPU of the thread that runs every write (JFR, the create
 * benchmark).
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    private final Map<Object, Meters> byKey = new ConcurrentHashMap<>();
    private final Function<Message<?>, Object> key;
    private final Function<Object, Meters> register;
    private final Clock clock;

    private MessageMeters(MeterRegistry registry, String prefix, Function<Message<?>, Object> key,
                          Function<Object, Tags> tags, UnaryOperator<Timer.Builder> timers) {
        this.key = key;
        this.clock = registry.config().clock();
        this.register = k -> new Meters(registry, prefix, tags.apply(k), timers);
    }

    /** Meters per message payload type, tagged {@code payloadType} with its simple name, as Axon tags them. */
    static MessageMeters perPayloadType(MeterRegistry registry, String prefix) {
        return new MessageMeters(registry, prefix, Message::getPayloadType,
                type -> Tags.of("payloadType", ((Class<?>) type).getSimpleName()), UnaryOperator.identity());
    }

    /** One set of meters with the given tags, whatever the message; timers without percentiles. */
    static MessageMeters fixed(MeterRegistry registry, String prefix, Tags tags) {
        return new MessageMeters(registry, prefix, message -> tags, ignored -> tags,
                timer -> timer.publishPercentiles());
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byKey.computeIfAbsent(key.apply(message), register);
        meters.ingested.increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.done(meters.success, meters.successTimer, clock.monotonicTime() - start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.done(meters.failure, meters.failureTimer, clock.monotonicTime() - start);
            }

            @Override
            public void reportIgnored() {
                meters.done(meters.ignored, meters.ignoredTimer, clock.monotonicTime() - start);
            }
        };
    }

    private static final class Meters {

        private final Counter ingested;
        private final Counter success;
        private final Counter failure;
        private final Counter processed;
        private final Counter ignored;
        private final Timer all;
        private final Timer successTimer;
        private final Timer failureTimer;
        private final Timer ignoredTimer;

        Meters(MeterRegistry registry, String prefix, Tags tags, UnaryOperator<Timer.Builder> timers) {
            ingested = registry.counter(prefix + ".ingestedCounter", tags);
            success = registry.counter(prefix + ".successCounter", tags);
            failure = registry.counter(prefix + ".failureCounter", tags);
            processed = registry.counter(prefix + ".processedCounter", tags);
            ignored = registry.counter(prefix + ".ignoredCounter", tags);
            all = timer(registry, prefix + ".allTimer", tags, timers);
            successTimer = timer(registry, prefix + ".successTimer", tags, timers);
            failureTimer = timer(registry, prefix + ".failureTimer", tags, timers);
            ignoredTimer = timer(registry, prefix + ".ignoredTimer", tags, timers);
        }

        void done(Counter outcome, Timer outcomeTimer, long nanos) {
            outcome.increment();
            processed.increment();
            outcomeTimer.record(nanos, TimeUnit.NANOSECONDS);
            all.record(nanos, TimeUnit.NANOSECONDS);
        }

        // As Axon builds them: percentiles over a ten-minute window, unless the caller customises them away.
        private static Timer timer(MeterRegistry registry, String name, Tags tags, UnaryOperator<Timer.Builder> timers) {
            return timers.apply(Timer.builder(name).distributionStatisticExpiry(Duration.ofMinutes(10))
                    .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999).tags(tags)).register(registry);
        }
    }
}
