package dev.crm.command.directory;

import dev.crm.api.account.AccountQueries.AccountDependents;
import dev.crm.api.contact.ContactDependents;

/**
 * What a write asks about records other than the one it writes, answered by the query side's read models. They
 * are written in the writing transaction (subscribing projections, whose deferred statements run before any
 * query), so inside a write they hold everything written before it, earlier writes of its group commit
 * included; at the edge, outside any transaction, they hold what is committed. An interface so that the
 * aggregates' tests can answer it without a read model.
 */
public interface OtherRecords {

    /** Whether a live record has this id (of any type: the prefix says which). */
    boolean exists(String id);

    /** The contacts and open opportunities that still belong to the account. */
    AccountDependents dependentsOfAccount(String accountId);

    /** The notes, tasks and opportunities that name the contact. */
    ContactDependents dependentsOfContact(String contactId);
}
