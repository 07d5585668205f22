package dev.crm.command.lead;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.ReadModel;
import dev.crm.api.account.AccountCommands.CreateAccount;
import dev.crm.api.account.AccountView;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.contact.ContactCommands.CreateContact;
import dev.crm.api.contact.ContactStage;
import dev.crm.api.lead.LeadCommands.ConvertLead;
import dev.crm.api.lead.LeadCommands.LeadConversion;
import dev.crm.api.lead.LeadCommands.LeadDetails;
import dev.crm.api.lead.LeadCommands.MarkLeadConverted;
import dev.crm.api.opportunity.OpportunityCommands.CreateOpportunity;
import dev.crm.api.opportunity.OpportunityStage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import static dev.crm.command.common.Values.isBlank;

/**
 * Converts a lead: the lead marks itself converted (refusing a second conversion), then the account,
 * contact and opportunity are created by their own aggregates. Each step is a command sent from inside
 * this handler, so it runs in a nested unit of work whose events join this one's: everything is appended
 * and projected in this command's single database transaction, and a failure at any step rolls back all
 * of it. Two conversions racing on one lead cannot both commit: the lead's next sequence number is unique.
 */
@Component
class LeadConversionHandler {

    private static final String DASH = " \u2014 ";

    private final ReadModel readModel;

    LeadConversionHandler(ReadModel readModel) {
        this.readModel = readModel;
    }

    @CommandHandler
    LeadConversion handle(ConvertLead command, CommandGateway commands) {
        String accountId = command.createAccount() ? command.newAccountId() : command.existingAccountId();
        String opportunityId = command.createOpportunity() ? command.opportunityId() : null;
        LeadDetails lead = commands.sendAndWait(
                new MarkLeadConverted(command.leadId(), command.contactId(), accountId, opportunityId));

        String accountName = command.createAccount() ? command.accountName() : existingAccountName(accountId);
        if (command.createAccount()) {
            accountName = isBlank(accountName) ? lead.company() : accountName;
            if (isBlank(accountName)) {
                throw new InvalidRequestException("accountName",
                        "is required: the lead has no company to name the account after");
            }
            commands.sendAndWait(new CreateAccount(accountId, accountName, null, null, null, lead.assignedTo(),
                    List.of(), null));
        }
        commands.sendAndWait(new CreateContact(command.contactId(), lead.firstName(), lead.lastName(), lead.email(),
                lead.phone(), null, lead.notes(), ContactStage.NEW, accountId, lead.assignedTo(), List.of(),
                lead.emailOptOut(), lead.emailBounced()));
        if (command.createOpportunity()) {
            commands.sendAndWait(new CreateOpportunity(opportunityId,
                    isBlank(command.opportunityName()) ? defaultOpportunityName(accountName, lead)
                            : command.opportunityName(),
                    Objects.requireNonNullElse(command.opportunityValue(), BigDecimal.ZERO), "USD",
                    Objects.requireNonNullElse(command.opportunityStage(), OpportunityStage.QUALIFICATION),
                    accountId, command.contactId(), lead.assignedTo(), null));
        }
        return new LeadConversion(command.leadId(), command.contactId(), accountId, opportunityId);
    }

    private String existingAccountName(String accountId) {
        if (accountId == null) {
            return null;
        }
        return readModel.<AccountView>require(new FindRecord(accountId), "the record no longer exists").value().name();
    }

    /** "<account or company name> — Opportunity", or the person's name when there is neither. */
    private static String defaultOpportunityName(String accountName, LeadDetails lead) {
        String base = !isBlank(accountName) ? accountName
                : !isBlank(lead.company()) ? lead.company()
                : String.join(" ", java.util.stream.Stream.of(lead.firstName(), lead.lastName())
                        .filter(Objects::nonNull).toList());
        return base + DASH + "Opportunity";
    }
}
