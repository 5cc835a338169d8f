package dev.switchboard.serviceweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@SpringBootTest(classes = BearerPrincipalResolverIntegrationTests.KeyApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"switchboard.security.service-token=svc-secret", "switchboard.security.admin-token=adm-secret",
                "switchboard.security.principals[0].name=vera", "switchboard.security.principals[0].role=viewer",
                "switchboard.security.principals[0].token=viewer-secret"})
class BearerPrincipalResolverIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({Keys.class, Teams.class})
    static class KeyApp {

        /** Knows one gateway key; also claims the admin token, which must never reach it. */
        @Bean
        BearerPrincipalResolver gatewayKeys() {
            return token -> switch (token) {
                case "gw-key" -> Optional.of(ApiPrincipal.gatewayKey("k1", "team-a"));
                case "adm-secret" -> throw new AssertionError("configured tokens are not resolved");
                default -> Optional.empty();
            };
        }
    }

    @RestController
    @SelfService
    static class Keys {

        @GetMapping("/api/v1/key-test/keys")
        String list() {
            ApiPrincipal principal = ApiPrincipal.current().orElseThrow();
            return principal.name() + " of " + principal.teamId();
        }

        @PostMapping("/api/v1/key-test/keys")
        String create() {
            return "created by " + ApiPrincipal.current().orElseThrow().name();
        }
    }

    @RestController
    static class Teams {

        @GetMapping("/api/v1/key-test/teams")
        String list() {
            return "teams";
        }

        @PostMapping("/api/v1/key-test/teams")
        String create() {
            return "team created";
        }
    }

    @LocalServerPort
    int port;

    private record Answer(int status, String body) {
    }

    private Answer call(HttpMethod method, String path, String authorization) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(method)
                .uri("/api/v1/key-test" + path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void aResolvedKeyCallsSelfServiceHandlersAsItself() {
        assertThat(call(HttpMethod.GET, "/keys", "Bearer gw-key")).isEqualTo(new Answer(200, "key:k1 of team-a"));
        assertThat(call(HttpMethod.POST, "/keys", "Bearer gw-key")).isEqualTo(new Answer(200, "created by key:k1"));
    }

    @Test
    void aResolvedKeyIsForbiddenEverythingElseReadsIncluded() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST}) {
            Answer answer = call(method, "/teams", "Bearer gw-key");
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).contains("principal 'key:k1' has role key, which may not call this")
                    .doesNotContain("gw-key");
        }
    }

    @Test
    void configuredPrincipalsAreUnchanged() {
        assertThat(call(HttpMethod.POST, "/teams", "Bearer adm-secret")).isEqualTo(new Answer(200, "team created"));
        assertThat(call(HttpMethod.GET, "/keys", "Bearer viewer-secret")).isEqualTo(new Answer(200, "vera of null"));
        assertThat(call(HttpMethod.POST, "/keys", "Bearer viewer-secret").status()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/teams", "Bearer viewer-secret").body()).isEqualTo("teams");
    }

    @Test
    void anUnknownBearerGetsTheSame401AsWithoutAResolver() {
        Answer none = call(HttpMethod.GET, "/keys", null);
        for (String authorization : new String[] {"Bearer nope", "Bearer ", "Bearer gw-key2", "bearer gw-key", "gw-key"}) {
            Answer answer = call(HttpMethod.GET, "/keys", authorization);
            assertThat(answer).as(authorization).isEqualTo(none);
        }
        assertThat(none.status()).isEqualTo(401);
    }
}
