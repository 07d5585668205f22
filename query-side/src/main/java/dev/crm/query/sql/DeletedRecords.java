package dev.crm.query.sql;

import dev.crm.api.user.AuthenticatedUser;
import dev.crm.api.user.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sees deleted records in point-in-time reads: those who may read the audit log ({@code admin},
 * {@code auditor}) see a record deleted since as it was then; for anyone else it is gone from every past too.
 */
public final class DeletedRecords {

    private DeletedRecords() {
    }

    /** Whether the caller sees deleted records as they were. */
    public static boolean visible() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
                && (user.role() == Role.ADMIN || user.role() == Role.AUDITOR);
    }
}
