package dev.crm.query.audit;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/head/} and {@code GET /api/audit/verify/} (admin, auditor; see the security
 * configuration): the newest link of the tamper-evident chain, and the whole chain recomputed from the stored
 * events.
 */
@RestController
class AuditChainController {

    private final ChainHead head;
    private final ChainVerification verification;

    AuditChainController(ChainHead head, ChainVerification verification) {
        this.head = head;
        this.verification = verification;
    }

    @GetMapping("/api/audit/head")
    ChainHead.Head chainHead() {
        return head.now();
    }

    @GetMapping("/api/audit/verify")
    ChainVerification.Verification verifyChain(@Valid KeptHead kept) {
        return verification.verify(kept.given());
    }
}
