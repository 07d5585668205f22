package dev.crm.app.console;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files over HTTP: served without a token, with the security headers that keep a script from
 * anywhere else (or inline) from running, and nothing in them that reaches outside this server.
 */
class ConsoleApiTest extends ApiTest {

    private static final String[] FILES = {"/console/", "/console", "/console/index.html", "/console/console.css",
            "/console/js/main.js", "/console/js/api.js", "/console/favicon.svg"};

    @Test
    void theConsoleIsServedWithoutATokenUnderAStrictContentSecurityPolicy() {
        for (String path : FILES) {
            Api.Response answer = api.get(path).expect(200);
            String policy = answer.header("Content-Security-Policy");
            assertThat(policy).as(path).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'").doesNotContain("unsafe");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
        assertThat(api.get("/console/").header("Content-Type")).startsWith("text/html");
        assertThat(api.get("/console/").body()).contains("<title>Audit console · CRM</title>");
        assertThat(api.get("/console/js/main.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(api.get("/console/console.css").header("Content-Type")).startsWith("text/css");
    }

    @Test
    void anUnknownFileIsA404AndTheDataStaysBehindTheApisRoles() {
        assertThat(api.get("/console/nothing-here.js").status()).isEqualTo(404);
        assertThat(api.get("/console/../application.properties").status()).isIn(400, 404);
        api.get("/api/audit/head/").expect(401);
        api.get("/api/audit-log/").expect(401);
        newUser("member").get("/api/audit-log/").expect(403);
        newUser("auditor").get("/api/audit-log/").expect(200);
    }

    @Test
    void theFilesHoldNoInlineScriptNoInlineStyleAndNothingFromElsewhere() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:/static/console/**/*.*");
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        Pattern inlineHandler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        for (Resource file : files) {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            String name = file.getFilename();
            // the SVG's namespace is a name, not something fetched
            assertThat(text.replace("http://www.w3.org/2000/svg", "")).as(name).doesNotContain("http://", "https://", "//cdn");
            assertThat(text).as(name).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
            if (name.endsWith(".html")) {
                assertThat(text).as(name).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=", "<style");
                assertThat(inlineHandler.matcher(text).find()).as(name + " has an inline event handler").isFalse();
            }
        }
    }
}
