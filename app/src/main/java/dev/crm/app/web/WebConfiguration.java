package dev.crm.app.web;

import dev.crm.app.database.DatabaseAvailability;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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
@EnableConfigurationProperties(RateLimitProperties.class)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        return registration(new RequestIdFilter(), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseAvailability availability,
                                                                    Problems problems) {
        return registration(new DatabaseOutageFilter(availability, problems), Ordered.HIGHEST_PRECEDENCE + 1);
    }

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        return registration(UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build(),
                Ordered.HIGHEST_PRECEDENCE + 2);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(Problems problems) {
        return registration(new BodySizeLimitFilter(problems), Ordered.HIGHEST_PRECEDENCE + 3);
    }

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(Problems problems) {
        return registration(new MalformedRequestFilter(problems), Ordered.HIGHEST_PRECEDENCE + 4);
    }

    /**
     * Tomcat's own error answers (requests it refuses before any filter runs) in the problem shape. Runs
     * after Spring Boot's customizer, which adds a plain error report valve that this one replaces.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(Problems problems) {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    StandardHost host = (StandardHost) context.getParent();
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemErrorReportValve(problems));
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                });
            }
        };
    }

    /** After Spring Security's filter chain (order -100), so the token is known; before any work is done. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits, Problems problems) {
        return registration(new RateLimitFilter(limits, problems), -10);
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
