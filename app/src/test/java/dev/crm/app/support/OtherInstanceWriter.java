package dev.crm.app.support;

import dev.crm.api.contact.ContactCommands.UpdateContact;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.test.context.TestComponent;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays a second server instance that wins a race: for an update whose title is {@link #RACE_TITLE}, after
 * this instance has loaded the contact and before it appends its event, it appends a
 * {@code ContactTagsChanged} with the same next sequence number through its own connection, as another
 * instance would. Once per contact, so the retry that follows runs undisturbed.
 */
@TestComponent
public class OtherInstanceWriter implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String RACE_TITLE = "lost a race to another instance";
    public static final String OTHER_ACTOR = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";

    private final DataSource dataSource;
    private final Set<String> raced = ConcurrentHashMap.newKeySet();

    OtherInstanceWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof UpdateContact update
                && RACE_TITLE.equals(update.title()) && raced.add(update.contactId())) {
            unitOfWork.onPrepareCommit(u -> appendAsAnotherInstance(update.contactId()));
        }
        return chain.proceed();
    }

    /**
     * What another instance's write does: append the event and, in the same transaction, let its subscribing
     * projection update the read model (so the read model stays what a rebuild from the store would give).
     */
    private void appendAsAnotherInstance(String contactId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Instant now = Instant.now();
            long next;
            try (PreparedStatement last = connection.prepareStatement(
                    "SELECT max(sequence_number) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")) {
                last.setString(1, contactId);
                try (ResultSet rs = last.executeQuery()) {
                    rs.next();
                    next = rs.getLong(1) + 1;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type,
                        time_stamp, aggregate_identifier, sequence_number, type)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'Contact')""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setBytes(2, ("{\"actorId\":\"" + OTHER_ACTOR + "\",\"actorName\":\"Other instance\"}")
                        .getBytes(StandardCharsets.UTF_8));
                insert.setBytes(3, ("{\"contactId\":\"" + contactId + "\",\"tags\":[\"raced\"]}")
                        .getBytes(StandardCharsets.UTF_8));
                insert.setString(4, "dev.crm.api.contact.ContactEvents$ContactTagsChanged");
                insert.setString(5, now.toString());
                insert.setString(6, contactId);
                insert.setLong(7, next);
                insert.executeUpdate();
            }
            try (PreparedStatement project = connection.prepareStatement("""
                    UPDATE read_model.contact SET tags = '{raced}', updated_at = ?, version = ? WHERE id = ?""")) {
                project.setTimestamp(1, java.sql.Timestamp.from(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
                project.setLong(2, next + 1);
                project.setString(3, contactId);
                project.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
