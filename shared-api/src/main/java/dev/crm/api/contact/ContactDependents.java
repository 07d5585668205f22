package dev.crm.api.contact;

import java.util.List;

/**
 * What still belongs to or points at a contact: its notes and tasks (deleted with it) and the
 * opportunities that name it (unlinked from it). Answer to {@link ContactQueries.FindContactDependents}.
 */
public record ContactDependents(List<String> noteIds, List<String> taskIds, List<String> opportunityIds) {
}
