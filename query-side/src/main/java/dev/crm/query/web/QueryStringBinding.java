package dev.crm.query.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The query side's controllers take their query strings as records ({@link QueryStringRecords}). Validated
 * by the Bean Validation validator itself: Spring Boot's MVC validator cannot validate a single value, which
 * a record that could not be constructed needs to have all its invalid parameters listed at once.
 */
@Configuration(proxyBeanMethods = false)
class QueryStringBinding implements WebMvcConfigurer {

    private final LocalValidatorFactoryBean beanValidation;

    QueryStringBinding(LocalValidatorFactoryBean beanValidation) {
        this.beanValidation = beanValidation;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new QueryStringRecords(beanValidation));
    }
}
