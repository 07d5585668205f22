package dev.crm.command.account;

import dev.crm.api.account.AccountQueries;
import dev.crm.api.account.AccountQueries.FindAccountDependents;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Asks the read models, which run in the command's transaction (subscribing projections), so they hold
 * every write committed before this one.
 */
@Component
class QueriedAccountDependents implements AccountDependents {

    private final QueryGateway queryGateway;

    QueriedAccountDependents(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @Override
    public AccountQueries.AccountDependents of(String accountId) {
        return queryGateway.query(new FindAccountDependents(accountId), AccountQueries.AccountDependents.class)
                .join();
    }
}
