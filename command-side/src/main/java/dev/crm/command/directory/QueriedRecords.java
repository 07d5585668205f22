package dev.crm.command.directory;

import dev.crm.api.account.AccountQueries.AccountDependents;
import dev.crm.api.account.AccountQueries.FindAccountDependents;
import dev.crm.api.common.RecordExists;
import dev.crm.api.contact.ContactDependents;
import dev.crm.api.contact.ContactQueries.FindContactDependents;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** {@link OtherRecords} as queries to the query side, which answers them in the caller's thread and transaction. */
@Component
class QueriedRecords implements OtherRecords {

    private final QueryGateway queries;

    QueriedRecords(QueryGateway queries) {
        this.queries = queries;
    }

    /** Tokens and events are no records of their own: the query side finds nothing for their ids. */
    @Override
    public boolean exists(String id) {
        return queries.query(new RecordExists(id), Boolean.class).join();
    }

    @Override
    public AccountDependents dependentsOfAccount(String accountId) {
        return queries.query(new FindAccountDependents(accountId), AccountDependents.class).join();
    }

    @Override
    public ContactDependents dependentsOfContact(String contactId) {
        return queries.query(new FindContactDependents(contactId), ContactDependents.class).join();
    }
}
