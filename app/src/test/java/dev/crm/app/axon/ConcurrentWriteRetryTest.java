package dev.crm.app.axon;

import dev.crm.api.common.InvalidRequestException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a lost race for a record's next version is retried, and only a few times. */
class ConcurrentWriteRetryTest {

    private final ConcurrentWriteRetry retry = new ConcurrentWriteRetry();
    private final AtomicInteger dispatched = new AtomicInteger();

    private boolean retried(RuntimeException failure, int failuresSoFar) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>(Collections.nCopies(failuresSoFar, null));
        return retry.scheduleRetry(GenericCommandMessage.asCommandMessage("command"), failure, failures,
                dispatched::incrementAndGet);
    }

    @Test
    void aConcurrencyExceptionIsRetriedAtOnce() {
        assertThat(retried(new ConcurrencyException("version taken"), 1)).isTrue();
        assertThat(retried(new RuntimeException(new ConcurrencyException("wrapped")), 2)).isTrue();
        assertThat(dispatched).hasValue(2);
    }

    @Test
    void otherFailuresAndEndlessRacesAreNot() {
        assertThat(retried(new InvalidRequestException("email", "is required"), 1)).isFalse();
        assertThat(retried(new IllegalStateException("broken"), 1)).isFalse();
        assertThat(retried(new ConcurrencyException("again"), ConcurrentWriteRetry.MAX_RETRIES + 1)).isFalse();
        assertThat(dispatched).hasValue(0);
    }
}
