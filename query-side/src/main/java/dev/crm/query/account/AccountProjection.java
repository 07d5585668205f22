package dev.crm.query.account;

import dev.crm.api.account.AccountEvents.AccountAssigned;
import dev.crm.api.account.AccountEvents.AccountCreated;
import dev.crm.api.account.AccountEvents.AccountDeleted;
import dev.crm.api.account.AccountEvents.AccountDetailsCorrected;
import dev.crm.api.account.AccountEvents.AccountTagsChanged;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.SetBasedReplay;
import dev.crm.query.sql.DeferredWrites;
import dev.crm.query.sql.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static dev.crm.query.sql.Rows.array;
import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/**
 * Keeps the {@code account} table in step with the account events. The owner's name and the contact count
 * are not kept here: the query joins and counts them, so they are never stale.
 */
@Component
@ReadModelTables(value = "account", recordsIndependent = true)
@ProcessingGroup(AccountProjection.GROUP)
class AccountProjection implements SetBasedReplay {

    static final String GROUP = "accounts";

    private final DeferredWrites writes;

    AccountProjection(DeferredWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(AccountCreated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("account", """
                INSERT INTO account (id, name, domain, industry, phone, assigned_to, tags, notes,
                    created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.accountId(), e.name(), e.domain(), e.industry(), e.phone(), e.assignedTo(), array(e.tags()),
                e.notes(), timestamp(at), timestamp(at), version(sequence));
    }

    @EventHandler
    void on(AccountDetailsCorrected e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.accountId(), at, sequence, "name = ?, domain = ?, industry = ?, phone = ?, notes = ?",
                e.name(), e.domain(), e.industry(), e.phone(), e.notes());
    }

    @EventHandler
    void on(AccountAssigned e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.accountId(), at, sequence, "assigned_to = ?", e.assignedTo());
    }

    @EventHandler
    void on(AccountTagsChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.accountId(), at, sequence, "tags = ?", (Object) array(e.tags()));
    }

    @EventHandler
    void on(AccountDeleted e) {
        writes.update("account", "DELETE FROM account WHERE id = ?", e.accountId());
    }

    /** The handlers above, as a rebuild computes them set-based. */
    @Override
    public List<RecordFold> folds() {
        return List.of(RecordFold.of("account", AccountCreated.class)
                .changedBy(AccountDetailsCorrected.class, AccountAssigned.class, AccountTagsChanged.class)
                .deletedBy(AccountDeleted.class));
    }

    private void update(String accountId, Instant at, long sequence, String assignments, Object... values) {
        Rows.updateRecord(writes, "account", accountId, at, sequence, assignments, values);
    }
}
