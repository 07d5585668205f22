package dev.crm.api.account;

import dev.crm.api.common.DeletionEvent;

import java.util.List;

/**
 * What happened to accounts. A permanent contract: never change or remove a field of an event that has
 * landed; evolve it with an upcaster.
 */
public sealed interface AccountEvents {

    String accountId();

    record AccountCreated(String accountId, String name, String domain, String industry, String phone,
                          String assignedTo, List<String> tags, String notes) implements AccountEvents {
    }

    /** A correction of the plain details (a rename included); carries all of them as they are afterwards. */
    record AccountDetailsCorrected(String accountId, String name, String domain, String industry, String phone,
                                   String notes) implements AccountEvents {
    }

    /** {@code assignedTo} is {@code null} when the account was unassigned. */
    record AccountAssigned(String accountId, String assignedTo) implements AccountEvents {
    }

    record AccountTagsChanged(String accountId, List<String> tags) implements AccountEvents {
    }

    record AccountDeleted(String accountId) implements AccountEvents, DeletionEvent {
    }
}
