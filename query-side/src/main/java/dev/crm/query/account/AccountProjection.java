package dev.crm.query.account;

import dev.crm.api.account.AccountEvents.AccountAssigned;
import dev.crm.api.account.AccountEvents.AccountCreated;
import dev.crm.api.account.AccountEvents.AccountDeleted;
import dev.crm.api.account.AccountEvents.AccountDetailsCorrected;
import dev.crm.api.account.AccountEvents.AccountTagsChanged;
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.RecordProjection;
import dev.crm.query.admin.RecordWriter;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code account} table in step with the account events. The owner's name and the contact count
 * are not kept here: the query joins and counts them, so they are never stale.
 */
@Component
@ProcessingGroup("accounts")
class AccountProjection extends RecordProjection {

    AccountProjection(RecordWriter writer) {
        super(writer, RecordFold.of("account", AccountCreated.class)
                .changedBy(AccountDetailsCorrected.class, AccountAssigned.class, AccountTagsChanged.class)
                .deletedBy(AccountDeleted.class));
    }
}
