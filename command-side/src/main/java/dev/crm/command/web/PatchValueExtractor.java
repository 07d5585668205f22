package dev.crm.command.web;

import dev.crm.api.common.Patch;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Lets Bean Validation check a patch's value: {@code Patch<@Size(max = 100) String>}. A field left out or
 * cleared has no value, which every shape constraint accepts. Registered in {@code META-INF/services}.
 */
public class PatchValueExtractor implements ValueExtractor<Patch<@ExtractedValue ?>> {

    @Override
    public void extractValues(Patch<?> patch, ValueReceiver receiver) {
        receiver.value(null, patch.value());
    }
}
