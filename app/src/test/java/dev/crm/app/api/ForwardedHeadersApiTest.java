package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import dev.crm.app.support.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-Forwarded-Proto}/{@code -Host} shape the absolute {@code next}/{@code previous} links, but only
 * when they come from a trusted proxy ({@code CRM_TRUSTED_PROXIES}; the tests trust 127.0.0.1): from any
 * other address they are ignored, so no client can make the API hand out links to another host.
 */
class ForwardedHeadersApiTest extends ApiTest {

    private static final String FORWARDED = "X-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.example\r\n"
            + "X-Forwarded-Prefix: /a b";

    @Test
    void forwardedHeadersShapeLinksOnlyFromATrustedProxy() {
        String tag = Api.unique("fwd");
        for (int i = 0; i < 2; i++) {
            admin.post("/api/contacts/", "{\"firstName\": \"F%d\", \"email\": \"%s@example.com\", \"tags\": [\"%s\"]}"
                    .formatted(i, Api.unique("fwd"), tag)).expect(201);
        }
        String query = "/api/contacts/?tags=" + tag + "&limit=1";

        String viaProxy = admin.send(HttpMethod.GET, query, null,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "crm.example.com")).expect(200)
                .json().get("next").stringValue();
        assertThat(viaProxy).startsWith("https://crm.example.com/api/contacts/?");

        String head = "GET " + query + " HTTP/1.1\r\nHost: localhost:" + port() + "\r\nAuthorization: Bearer "
                + ADMIN_TOKEN + "\r\n" + FORWARDED;
        Answer direct = raw.from("127.0.0.2").send(head, new byte[0]);
        assertThat(direct.status()).isEqualTo(200);
        String next = JsonMapper.builder().build().readTree(direct.body()).get("next").stringValue();
        assertThat(next).startsWith("http://localhost:" + port() + "/api/contacts/?").doesNotContain("evil");
    }
}
