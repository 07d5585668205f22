package dev.crm.command.web;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the {@link FieldProblem}s met while reading a request body into its binding result, ahead of Bean
 * Validation: a field that arrived as a number where text belongs is answered "must be a string", not with
 * what its constraints say of the missing value. One message per field, the first, is what the API answers.
 */
@ControllerAdvice
class FieldProblemsFirst implements Validator {

    @InitBinder
    void validateRequestBodiesWithProblemsFirst(WebDataBinder binder) {
        Object target = binder.getTarget();
        if (target != null && target.getClass().isAnnotationPresent(WriteRequest.class)) {
            List<Validator> validators = new ArrayList<>(binder.getValidators());
            validators.add(0, this);
            binder.replaceValidators(validators.toArray(Validator[]::new));
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return type.isAnnotationPresent(WriteRequest.class);
    }

    @Override
    public void validate(Object target, Errors errors) {
        FieldProblem.ofThisRequest().forEach(problem -> problem.addTo((BindingResult) errors));
    }
}
