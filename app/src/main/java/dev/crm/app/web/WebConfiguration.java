package dev.crm.app.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * Servlet filters that run before security and Spring MVC. Paths are mapped without their trailing
 * slash and a request with one is answered the same way, so {@code /api/contacts/} and
 * {@code /api/contacts} are one resource.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        return registration(new RequestIdFilter(), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        return registration(UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build(),
                Ordered.HIGHEST_PRECEDENCE + 1);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(Problems problems) {
        return registration(new BodySizeLimitFilter(problems), Ordered.HIGHEST_PRECEDENCE + 2);
    }

    /**
     * After Spring Security's filter chain (order -100), so the caller is known: keys are per user, and a
     * request without a valid token is refused before any key is claimed.
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, Problems problems) {
        return registration(new IdempotencyFilter(keys, problems), 0);
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        return registration;
    }
}
