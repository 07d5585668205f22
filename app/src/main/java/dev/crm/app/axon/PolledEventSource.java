package dev.crm.app.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event stream of the report processors: the event store read directly, in large batches, at most once
 * per {@code interval} while the reports are caught up. Axon's default stream follows every append within
 * milliseconds, so under write load the reports run one small batch (a transaction, a token update) every
 * few events, and a thread of its own keeps re-reading the newest events for them. Reports may lag behind
 * writes by a moment; here they lag by at most {@code interval} and handle hundreds of events per batch.
 */
record PolledEventSource(EventStorageEngine storage, Duration interval, int largestRead)
        implements StreamableMessageSource<TrackedEventMessage<?>> {

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new PolledStream(token);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    /** Events after {@code last}, read a batch at a time; when a read comes back short, the next waits. */
    private final class PolledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> read = new ArrayDeque<>();
        private TrackingToken last;
        private long nextReadAt;

        PolledStream(TrackingToken from) {
            this.last = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (read.isEmpty() && System.nanoTime() >= nextReadAt) {
                readMore();
            }
            return Optional.ofNullable(read.peekFirst());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (read.isEmpty()) {
                long now = System.nanoTime();
                if (now >= nextReadAt) {
                    readMore();
                    continue;
                }
                if (now >= deadline) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(nextReadAt, deadline) - now);
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // wait for the next event
            }
            return read.pollFirst();
        }

        private void readMore() {
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(last, false)) {
                Iterator<? extends TrackedEventMessage<?>> newer = events.iterator();
                int count = 0;
                while (count < largestRead && newer.hasNext()) {
                    TrackedEventMessage<?> event = newer.next();
                    read.addLast(event);
                    last = event.trackingToken();
                    count++;
                }
                // A full read means more is waiting: read again as soon as these are handled.
                nextReadAt = count < largestRead ? System.nanoTime() + interval.toNanos() : 0;
            }
        }

        @Override
        public void close() {
            read.clear();
        }
    }
}
