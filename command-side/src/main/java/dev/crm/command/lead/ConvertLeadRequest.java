package dev.crm.command.lead;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Patch;
import dev.crm.api.lead.LeadCommands.ConvertLead;
import dev.crm.api.opportunity.OpportunityStage;
import dev.crm.command.common.Values;
import dev.crm.command.web.WriteRequest;
import dev.crm.command.web.constraints.Kind;
import dev.crm.command.web.constraints.Reference;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import static dev.crm.command.web.constraints.Kind.Of.AMOUNT;
import static dev.crm.command.web.constraints.Shapes.AT_MOST;

/**
 * The body of {@code POST /api/leads/{id}/convert/}, every field optional: without any, the lead becomes a
 * contact only. The account is either created ({@code createAccount}) or an existing one ({@code accountId}).
 */
@WriteRequest
@ConvertLeadRequest.Choices
@Schema(description = "Every field is optional: without any, the lead becomes a contact only. accountName goes only "
        + "with createAccount: true, accountId (an existing account) only without it; the opportunity's fields only "
        + "with createOpportunity: true.")
record ConvertLeadRequest(
        Boolean createAccount,
        Patch<@Size(max = 200, message = AT_MOST) String> accountName,
        @Reference(IdType.ACCOUNT) String accountId,
        Boolean createOpportunity,
        Patch<@Size(max = 200, message = AT_MOST) String> opportunityName,
        Patch<@Kind(AMOUNT) BigDecimal> opportunityValue,
        Patch<OpportunityStage> opportunityStage) {

    /** What an empty body asks for. */
    static final ConvertLeadRequest CONTACT_ONLY = new ConvertLeadRequest(null, Patch.absent(), null, null,
            Patch.absent(), Patch.absent(), Patch.absent());

    ConvertLead command(String leadId) {
        boolean account = Boolean.TRUE.equals(createAccount);
        boolean opportunity = Boolean.TRUE.equals(createOpportunity);
        return new ConvertLead(leadId, IdType.CONTACT.newId(), account, account ? IdType.ACCOUNT.newId() : null,
                accountName.value(), hasAccountId() ? accountId : null, opportunity,
                opportunity ? IdType.OPPORTUNITY.newId() : null, opportunityName.value(),
                Values.amount(opportunityValue.value()), opportunityStage.value());
    }

    private boolean hasAccountId() {
        return accountId != null && !accountId.isEmpty();
    }

    /** The account and opportunity fields go with their choice: none without it, not both accounts. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ChoicesValidator.class)
    @interface Choices {

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class ChoicesValidator implements ConstraintValidator<Choices, ConvertLeadRequest> {

        @Override
        public boolean isValid(ConvertLeadRequest request, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            boolean account = Boolean.TRUE.equals(request.createAccount());
            if (account && request.hasAccountId()) {
                valid = refuse(context, "accountId", "give either accountId or createAccount: true, not both");
            }
            if (!account && request.accountName().isSent()) {
                valid = refuse(context, "accountName", "only with createAccount: true");
            }
            if (!Boolean.TRUE.equals(request.createOpportunity())) {
                if (request.opportunityName().isSent()) {
                    valid = refuse(context, "opportunityName", "only with createOpportunity: true");
                }
                if (request.opportunityValue().isSent()) {
                    valid = refuse(context, "opportunityValue", "only with createOpportunity: true");
                }
                if (request.opportunityStage().isSent()) {
                    valid = refuse(context, "opportunityStage", "only with createOpportunity: true");
                }
            }
            return valid;
        }

        private static boolean refuse(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
