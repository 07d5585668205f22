package dev.crm.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;

/**
 * The last line of a start: where the API, Swagger UI and the health check answer, with the port the
 * server actually listens on. It comes after the runners, so after the generated admin token of a first
 * start ({@code AdminBootstrap}).
 */
@Component
class ReadyLine {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyLine.class);

    private final String address;
    private final String swaggerUi;

    ReadyLine(@Value("${server.address:}") String address,
              @Value("${springdoc.swagger-ui.path:/swagger-ui.html}") String swaggerUi) {
        // A server bound to every interface is reached on this machine as localhost.
        this.address = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "localhost" : address;
        this.swaggerUi = swaggerUi;
    }

    @EventListener
    void on(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":"
                + web.getWebServer().getPort();
        LOG.info("CRM started in {} s: API {}/api/, Swagger UI {}{}, health {}/actuator/health",
                seconds(ready.getTimeTaken()), base, base, swaggerUi, base);
    }

    private static String seconds(Duration taken) {
        return taken == null ? "?" : String.format(Locale.ROOT, "%.1f", taken.toMillis() / 1000.0);
    }
}
