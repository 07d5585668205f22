package dev.crm.command.web;

import jakarta.validation.groups.Default;

/** Validation group of the rules only a creating request has (required fields), on top of the shape rules. */
public interface OnCreate extends Default {
}
