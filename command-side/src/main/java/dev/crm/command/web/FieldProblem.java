package dev.crm.command.web;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;

/**
 * A field of a request body that could not be read into its record (a wrong JSON type, an unknown or read-only
 * field, text that cannot be stored). Found by {@link RequestBodyConverter} before Bean Validation runs and kept on
 * the request until {@link FieldProblemsFirst} adds it to the binding result, so that one 400 lists these and the
 * constraint violations together. {@code codes} name the wording in {@code messages.properties}.
 */
record FieldProblem(String field, List<String> codes, List<Object> arguments, String defaultMessage) {

    private static final String ATTRIBUTE = FieldProblem.class.getName();

    static FieldProblem worded(String field, String code, String defaultMessage, Object... arguments) {
        return new FieldProblem(field, List.of(code), List.of(arguments), defaultMessage);
    }

    static void keepForThisRequest(List<FieldProblem> problems) {
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(ATTRIBUTE, List.copyOf(problems), RequestAttributes.SCOPE_REQUEST);
    }

    @SuppressWarnings("unchecked")
    static List<FieldProblem> ofThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object problems = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return problems == null ? List.of() : (List<FieldProblem>) problems;
    }

    void addTo(BindingResult result) {
        result.addError(new FieldError(result.getObjectName(), field, null, false, codes.toArray(String[]::new),
                arguments.toArray(), defaultMessage));
    }
}
