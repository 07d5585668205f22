package dev.crm.command.web;

import dev.crm.command.directory.OtherRecords;
import dev.crm.command.web.constraints.Reference;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Reads a request body as the API does, without a server: the {@link RequestBodyConverter}, then Bean
 * Validation with a group; answers each field's first problem, by field. A problem found while reading is
 * answered by its message code (the application's {@code messages.properties} words it), a constraint by its
 * message. References are to existing records when {@code existing} names them.
 */
public final class RequestBodies {

    private final RequestBodyConverter converter =
            new RequestBodyConverter(RequestBodyConfiguration.strict(JsonMapper.builder().build()));
    private final Validator validator;

    public RequestBodies(Set<String> existing) {
        OtherRecords records = mock(OtherRecords.class);
        when(records.exists(anyString())).thenAnswer(call -> existing.contains(call.<String>getArgument(0)));
        ConstraintValidatorFactory defaults = Validation.byDefaultProvider().configure()
                .getDefaultConstraintValidatorFactory();
        validator = Validation.byDefaultProvider().configure()
                .constraintValidatorFactory(new ConstraintValidatorFactory() {
                    @Override
                    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                        return key == Reference.Validator.class ? key.cast(new Reference.Validator(records))
                                : defaults.getInstance(key);
                    }

                    @Override
                    public void releaseInstance(ConstraintValidator<?, ?> instance) {
                    }
                })
                .buildValidatorFactory().getValidator();
    }

    /** The record {@code json} reads as; fails on a body that is not a JSON object. */
    public <T> T read(Class<T> type, String json) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            MockHttpInputMessage input = new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8));
            input.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            return type.cast(converter.read(type, input));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every field's first problem, as the 400 answer lists them: those met while reading come first. */
    public Map<String, String> problems(Class<?> type, String json, Class<?> group) {
        Object body = read(type, json);
        Map<String, String> problems = new LinkedHashMap<>();
        FieldProblem.ofThisRequest().forEach(problem -> problems.putIfAbsent(problem.field(), problem.codes().get(0)));
        validator.validate(body, group).forEach(violation -> problems.putIfAbsent(
                violation.getPropertyPath().toString().replaceAll("\\..*", ""), violation.getMessage()));
        RequestContextHolder.resetRequestAttributes();
        return problems;
    }
}
