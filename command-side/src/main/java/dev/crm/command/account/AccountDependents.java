package dev.crm.command.account;

import dev.crm.api.account.AccountQueries;

/**
 * What still belongs to an account, for the rule that an account with contacts or open opportunities
 * cannot be deleted. An interface so that the aggregate's tests can answer it without a read model.
 */
interface AccountDependents {

    AccountQueries.AccountDependents of(String accountId);
}
