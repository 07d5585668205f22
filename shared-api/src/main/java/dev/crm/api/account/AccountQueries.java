package dev.crm.api.account;

import dev.crm.api.common.PageQuery;

import java.time.Instant;
import java.util.List;

/** What can be asked of the account read model. */
public sealed interface AccountQueries {

    /** Answers a {@code Page<AccountView>}; {@code null} filters do not filter. */
    record ListAccounts(String search, String assignedTo, List<String> tags, Instant createdAfter,
                        Instant createdBefore, PageQuery page) implements AccountQueries {
    }

    /** Answers an {@link AccountDependents}: what still belongs to the account. */
    record FindAccountDependents(String accountId) implements AccountQueries {
    }

    /** The contacts and the open opportunities (not closed won or lost) that still belong to an account. */
    record AccountDependents(long contacts, long openOpportunities) {
    }
}
