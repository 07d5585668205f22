package dev.crm.app.web;

import dev.crm.api.common.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Spring's binding and Bean Validation errors into the API's field errors: one message per field (the
 * first found), worded for clients. A value that could not even be converted (a word where a number belongs)
 * is answered from {@code messages.properties} by its type, never with Spring's own text, which names Java
 * classes.
 */
@Component
class BindingErrors {

    static final String UNCONVERTIBLE = "has an invalid value";

    private final MessageSource messages;

    BindingErrors(MessageSource messages) {
        this.messages = messages;
    }

    List<FieldError> of(Errors result) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (var error : result.getFieldErrors()) {
            byField.putIfAbsent(error.getField(), message(error, error.isBindingFailure()));
        }
        for (var error : result.getGlobalErrors()) {
            byField.putIfAbsent(error.getObjectName(), message(error, false));
        }
        return fieldErrors(byField);
    }

    List<FieldError> of(HandlerMethodValidationException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (var result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                of(errors).forEach(error -> byField.putIfAbsent(error.field(), error.message()));
                continue;
            }
            String name = parameterName(result.getMethodParameter());
            result.getResolvableErrors().forEach(error -> byField.putIfAbsent(name, message(error, false)));
        }
        return fieldErrors(byField);
    }

    private String message(MessageSourceResolvable error, boolean bindingFailure) {
        String fallback = bindingFailure ? UNCONVERTIBLE : error.getDefaultMessage();
        // a binding failure's own default message is Spring's text for developers: never the fallback
        MessageSourceResolvable lookup = bindingFailure ? new WithoutDefault(error) : error;
        String message = messages.getMessage(lookup, LocaleContextHolder.getLocale());
        return message == null || message.isEmpty() ? (fallback == null ? UNCONVERTIBLE : fallback) : message;
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    private static List<FieldError> fieldErrors(Map<String, String> byField) {
        List<FieldError> errors = new ArrayList<>();
        byField.forEach((field, message) -> errors.add(new FieldError(field, message)));
        return errors;
    }

    /** The error's codes and arguments, with an empty default so that only {@code messages.properties} speaks. */
    private record WithoutDefault(MessageSourceResolvable error) implements MessageSourceResolvable {
        @Override
        public String[] getCodes() {
            return error.getCodes();
        }

        @Override
        public Object[] getArguments() {
            return error.getArguments();
        }

        @Override
        public String getDefaultMessage() {
            return "";
        }
    }
}
