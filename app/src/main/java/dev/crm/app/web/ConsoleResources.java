package dev.crm.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the audit console, plain files under {@code static/console/}, at {@code /console/}. Static resources
 * are otherwise off ({@code spring.web.resources.add-mappings=false}): nothing else on the class path is served.
 * The trailing-slash filter hands {@code /console/} to MVC as {@code /console}, so the page's own links are
 * absolute.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/console").setViewName("forward:/console/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Revalidated on every load (ETag/Last-Modified): an upgraded server never runs an old script.
        registry.addResourceHandler("/console/**")
                .addResourceLocations("classpath:/static/console/")
                .setCacheControl(CacheControl.noCache());
    }
}
