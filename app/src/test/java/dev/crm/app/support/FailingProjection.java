package dev.crm.app.support;

import dev.crm.api.contact.ContactEvents.ContactCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.test.context.TestComponent;

/**
 * A projection that fails on purpose, for proving that a failing projection rolls back the command's
 * event: it throws for contacts whose email is at {@link #FAILING_DOMAIN} and ignores everything else.
 */
@TestComponent
@ProcessingGroup("test-failing-projection")
public class FailingProjection {

    public static final String FAILING_DOMAIN = "@projection-fails.example.com";

    @EventHandler
    void on(ContactCreated event) {
        if (event.email().endsWith(FAILING_DOMAIN)) {
            throw new IllegalStateException("this projection fails on purpose");
        }
    }
}
