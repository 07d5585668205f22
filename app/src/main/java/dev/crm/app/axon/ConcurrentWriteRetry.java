package dev.crm.app.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a command that lost a race for a record's next version. In one instance Axon's aggregate lock
 * serializes writes to a record, but two instances can both load version n and both try to append n+1; the
 * event store's unique {@code (aggregate_identifier, sequence_number)} refuses the second with a
 * {@link ConcurrencyException}, nothing of it is stored, and running the command again on the reloaded record
 * is what the client meant (an {@code If-Match} command then fails with 412, as it should). Every other
 * failure is the client's or a real error and is not retried.
 */
class ConcurrentWriteRetry implements RetryScheduler {

    static final int MAX_RETRIES = 5;

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!lostARace(lastFailure) || failures.size() > MAX_RETRIES) {
            return false;
        }
        // A short random pause keeps the racers from colliding again in lockstep.
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * failures.size() + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        commandDispatch.run();
        return true;
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
