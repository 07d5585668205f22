package dev.crm.query.web;

import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.function.Function;

/**
 * How the query side's controllers bind a query string into a record (a list's filter, {@code ?asOf=}): each
 * parameter read by {@link QueryValues}, a refused value listed with its reason (Spring would only say that
 * the value has the wrong type), and every invalid parameter listed, not just those that could be converted.
 * Path variables are not touched: an id is matched as it was sent.
 */
@ControllerAdvice(basePackages = "dev.crm.query")
class QueryStringBinding {

    private final LocalValidatorFactoryBean beanValidation;

    QueryStringBinding(LocalValidatorFactoryBean beanValidation) {
        this.beanValidation = beanValidation;
    }

    @InitBinder
    void bindQueryStrings(WebDataBinder binder) {
        Class<?> target = binder.getTargetType() == null ? null : binder.getTargetType().resolve();
        if (target == null || !target.isRecord()) {
            return;
        }
        // Through the constructor only: each parameter is read by its name, and no other is looked at (the
        // firewall refuses to list a name such as NUL, a 500 if asked to).
        binder.setDeclarativeBinding(true);
        // From the query string only: Spring would fill a parameter the query string lacks from a request
        // header of the same name.
        if (binder instanceof ExtendedServletRequestDataBinder servletBinder) {
            servletBinder.setHeaderPredicate(header -> false);
        }
        // Editors rather than converters: Spring falls back to its lenient defaults when a converter refuses.
        binder.registerCustomEditor(String.class, editor(QueryValues::text));
        binder.registerCustomEditor(Integer.class, editor(QueryValues::integer));
        binder.registerCustomEditor(Long.class, editor(QueryValues::wholeNumber));
        binder.registerCustomEditor(Boolean.class, editor(QueryValues::bool));
        binder.registerCustomEditor(Instant.class, editor(QueryValues::instant));
        for (RecordComponent component : target.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type.isEnum()) {
                binder.registerCustomEditor(type, editor(raw -> QueryValues.wireEnum(type, raw)));
            }
        }
        binder.setBindingErrorProcessor(new ReasonedErrors());
        // When one parameter cannot be converted the record is never constructed, and Spring validates each
        // of the others on its own (SmartValidator#validateValue), so that one 400 still lists them all. Spring
        // Boot's MVC validator cannot validate a single value; the Bean Validation validator it wraps can.
        binder.replaceValidators(beanValidation);
    }

    /** Parses a parameter; of a parameter given more than once, the first value counts. */
    private static PropertyEditorSupport editor(Function<String, Object> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(parse.apply(text));
            }

            @Override
            public void setValue(Object value) {
                super.setValue(value instanceof String[] values ? parse.apply(values[0]) : value);
            }
        };
    }

    private static final class ReasonedErrors extends DefaultBindingErrorProcessor {
        @Override
        public void processPropertyAccessException(PropertyAccessException e, BindingResult result) {
            RejectedParameter rejected = reason(e);
            if (rejected == null) {
                super.processPropertyAccessException(e, result);
                return;
            }
            // Not marked as a binding failure: its message is already the client's, not one to look up by type.
            result.addError(new FieldError(result.getObjectName(), e.getPropertyName(), e.getValue(), false,
                    null, null, rejected.getMessage()));
        }

        private static RejectedParameter reason(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RejectedParameter rejected) {
                    return rejected;
                }
            }
            return null;
        }
    }
}
