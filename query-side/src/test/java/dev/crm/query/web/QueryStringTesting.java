package dev.crm.query.web;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.MethodArgumentNotValidException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query controller in a minimal Spring MVC, bound the way the application binds query strings (the same
 * argument resolver and Bean Validation), without a database or the rest of the application.
 */
public final class QueryStringTesting {

    private QueryStringTesting() {
    }

    public static MockMvc mockMvc(Object controller) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return MockMvcBuilders.standaloneSetup(controller)
                .setValidator(validator)
                .setCustomArgumentResolvers(new QueryStringRecords(validator))
                .build();
    }

    /** A GET of {@code uri} exactly as written: already percent-encoded. */
    public static MockHttpServletRequestBuilder get(String uri) {
        return MockMvcRequestBuilders.get(URI.create(uri));
    }

    /** The parameters a GET of {@code uri} is refused for, each with the reason it gives. */
    public static Map<String, String> errors(MockMvc mvc, String uri) throws Exception {
        Exception refused = mvc.perform(get(uri)).andReturn().getResolvedException();
        if (!(refused instanceof MethodArgumentNotValidException invalid)) {
            throw new AssertionError("expected invalid parameters, got " + refused);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.getBindingResult().getFieldErrors()
                .forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return errors;
    }
}
