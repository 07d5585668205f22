package dev.crm.query.report;

import dev.crm.api.lead.LeadEvents.LeadConverted;
import dev.crm.api.lead.LeadEvents.LeadCreated;
import dev.crm.api.lead.LeadEvents.LeadStatusChanged;
import dev.crm.api.lead.LeadStatus;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.sql.DeferredWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.crm.query.sql.Rows.timestamp;

/**
 * Per lead: when it was created, every status it reached, when it was converted. Deletion changes nothing:
 * the funnel counts what happened to the leads created in a window. A streaming projection (see
 * {@link Reports}).
 */
@Component
@ReadModelTables(value = "report_lead", recordsIndependent = true)
@ProcessingGroup(Reports.LEAD_FUNNEL)
class LeadFunnelProjection {

    private final DeferredWrites writes;

    LeadFunnelProjection(DeferredWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(LeadCreated e, @Timestamp Instant at) {
        writes.update("report_lead", """
                INSERT INTO report_lead (lead_id, created_at, reached) VALUES (?, ?, ARRAY[?])
                ON CONFLICT DO NOTHING""", e.leadId(), timestamp(at), e.status().toString());
    }

    @EventHandler
    void on(LeadStatusChanged e) {
        reach(e.leadId(), e.status().toString());
    }

    @EventHandler
    void on(LeadConverted e, @Timestamp Instant at) {
        reach(e.leadId(), LeadStatus.CONVERTED.toString());
        writes.update("report_lead", "UPDATE report_lead SET converted_at = ? WHERE lead_id = ?",
                timestamp(at), e.leadId());
    }

    private void reach(String leadId, String status) {
        writes.update("report_lead", """
                UPDATE report_lead SET reached = reached || ?
                 WHERE lead_id = ? AND NOT (? = ANY (reached))""", status, leadId, status);
    }
}
