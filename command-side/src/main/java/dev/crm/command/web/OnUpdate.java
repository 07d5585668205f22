package dev.crm.command.web;

import jakarta.validation.groups.Default;

/** Validation group of the rules only a partial update has (fields that cannot be cleared). */
public interface OnUpdate extends Default {
}
