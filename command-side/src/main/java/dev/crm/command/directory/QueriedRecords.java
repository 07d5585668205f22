package dev.crm.command.directory;

import dev.crm.api.account.AccountQueries.AccountDependents;
import dev.crm.api.account.AccountQueries.FindAccount;
import dev.crm.api.account.AccountQueries.FindAccountDependents;
import dev.crm.api.common.FindRecord;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.contact.ContactDependents;
import dev.crm.api.contact.ContactQueries.FindContact;
import dev.crm.api.contact.ContactQueries.FindContactDependents;
import dev.crm.api.lead.LeadQueries.FindLead;
import dev.crm.api.note.NoteQueries.FindNote;
import dev.crm.api.opportunity.OpportunityQueries.FindOpportunity;
import dev.crm.api.task.TaskQueries.FindTask;
import dev.crm.api.user.UserQueries.FindUser;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/** {@link OtherRecords} as queries to the query side, which answers them in the caller's thread and transaction. */
@Component
class QueriedRecords implements OtherRecords {

    private final QueryGateway queries;

    QueriedRecords(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public boolean exists(String id) {
        FindRecord find = Arrays.stream(IdType.values()).filter(type -> type.matches(id)).findFirst()
                .map(type -> findOne(type, id)).orElse(null);
        return find != null && queries.query(find, ResponseTypes.optionalInstanceOf(Versioned.class)).join()
                .isPresent();
    }

    @Override
    public AccountDependents dependentsOfAccount(String accountId) {
        return queries.query(new FindAccountDependents(accountId), AccountDependents.class).join();
    }

    @Override
    public ContactDependents dependentsOfContact(String contactId) {
        return queries.query(new FindContactDependents(contactId), ContactDependents.class).join();
    }

    /** The question for one record of the type; tokens and events are no records of their own. */
    private static FindRecord findOne(IdType type, String id) {
        return switch (type) {
            case USER -> new FindUser(id);
            case CONTACT -> new FindContact(id);
            case LEAD -> new FindLead(id);
            case ACCOUNT -> new FindAccount(id);
            case OPPORTUNITY -> new FindOpportunity(id);
            case NOTE -> new FindNote(id);
            case TASK -> new FindTask(id);
            case TOKEN, EVENT -> null;
        };
    }
}
