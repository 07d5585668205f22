package dev.crm.app.web;

import dev.crm.app.database.DatabaseAvailability;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the web layer alone ({@code @WebMvcTest}): the controllers and web configuration that
 * {@link #value()} names, Spring MVC's binding and Bean Validation, and the advice that answers every error
 * as problem+json. No servlet filter runs (authentication, the trailing slash: paths are written without it),
 * and the database's health, which the advice asks about only when the database fails, is a stand-in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(useDefaultFilters = false)
@AutoConfigureMockMvc(addFilters = false)
@Import({ApiExceptionHandler.class, BindingErrors.class})
@MockitoBean(types = DatabaseAvailability.class)
@interface WebLayerTest {

    /** The beans of the slice besides the advice: controllers and their web configuration, by class name. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "includeFilters")
    ComponentScan.Filter[] value();
}
