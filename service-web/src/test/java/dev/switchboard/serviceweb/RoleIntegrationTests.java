package dev.switchboard.serviceweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@SpringBootTest(classes = RoleIntegrationTests.RoleApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"switchboard.security.service-token=svc-secret", "switchboard.security.admin-token=adm-secret",
                "switchboard.security.principals[0].name=vera", "switchboard.security.principals[0].role=viewer",
                "switchboard.security.principals[0].token=viewer-secret",
                "switchboard.security.principals[1].name=fin", "switchboard.security.principals[1].role=finance",
                "switchboard.security.principals[1].token=finance-secret",
                "switchboard.security.principals[2].name=ops", "switchboard.security.principals[2].role=ADMIN",
                "switchboard.security.principals[2].token=ops-secret"})
class RoleIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({Things.class, Spend.class})
    static class RoleApp {
    }

    /** An ordinary admin resource: viewers read it, only admins change it. */
    @RestController
    static class Things {

        @GetMapping("/api/v1/role-test/things")
        String list() {
            return "things";
        }

        @PutMapping("/api/v1/role-test/things")
        String put() {
            return "put by " + ApiPrincipal.current().map(ApiPrincipal::name).orElse("nobody");
        }

        @DeleteMapping("/api/v1/role-test/things")
        String delete() {
            return "deleted";
        }

        @ReadOnlyOperation
        @PostMapping("/api/v1/role-test/things/dry-run")
        String dryRun() {
            return "dry run";
        }

        @PostMapping("/api/v1/role-test/things/apply")
        String apply() {
            return "applied";
        }
    }

    /** Finance data: finance reads all of it, viewers only what a method opens to them. */
    @RestController
    @ReadableBy(Role.FINANCE)
    static class Spend {

        @GetMapping("/api/v1/role-test/spend")
        String spend() {
            return "spend";
        }

        @ReadableBy({Role.VIEWER, Role.FINANCE})
        @GetMapping("/api/v1/role-test/spend/currencies")
        String currencies() {
            return "USD";
        }

        @ReadOnlyOperation
        @PostMapping("/api/v1/role-test/spend/query")
        String query() {
            return "spend query";
        }

        @PostMapping("/api/v1/role-test/spend/budgets")
        String setBudget() {
            return "budget set";
        }
    }

    @LocalServerPort
    int port;

    private record Answer(int status, String body) {
    }

    private Answer call(HttpMethod method, String path, String token) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(method)
                .uri("/api/v1/role-test" + path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private void assertAllowed(HttpMethod method, String path, String token, String body) {
        Answer answer = call(method, path, token);
        assertThat(answer.status()).as(method + " " + path + " as " + token).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(body);
    }

    private void assertForbidden(HttpMethod method, String path, String token) {
        Answer answer = call(method, path, token);
        assertThat(answer.status()).as(method + " " + path + " as " + token).isEqualTo(403);
        assertThat(answer.body()).contains("\"type\":\"permission\"").doesNotContain(token);
    }

    @Test
    void adminTokenAndNamedAdminsMayDoEverything() {
        for (String token : new String[] {"adm-secret", "ops-secret"}) {
            assertAllowed(HttpMethod.GET, "/things", token, "things");
            assertAllowed(HttpMethod.DELETE, "/things", token, "deleted");
            assertAllowed(HttpMethod.POST, "/things/dry-run", token, "dry run");
            assertAllowed(HttpMethod.POST, "/things/apply", token, "applied");
            assertAllowed(HttpMethod.GET, "/spend", token, "spend");
            assertAllowed(HttpMethod.POST, "/spend/budgets", token, "budget set");
        }
    }

    @Test
    void knowsWhichPrincipalIsCalling() {
        assertAllowed(HttpMethod.PUT, "/things", "adm-secret", "put by admin");
        assertAllowed(HttpMethod.PUT, "/things", "ops-secret", "put by ops");
    }

    @Test
    void viewerReadsAndDryRunsButChangesNothing() {
        assertAllowed(HttpMethod.GET, "/things", "viewer-secret", "things");
        assertThat(call(HttpMethod.HEAD, "/things", "viewer-secret").status()).isEqualTo(200);
        assertAllowed(HttpMethod.POST, "/things/dry-run", "viewer-secret", "dry run");
        assertForbidden(HttpMethod.PUT, "/things", "viewer-secret");
        assertForbidden(HttpMethod.DELETE, "/things", "viewer-secret");
        assertForbidden(HttpMethod.POST, "/things/apply", "viewer-secret");
    }

    @Test
    void viewerDoesNotSeeFinanceDataUnlessTheMethodOpensIt() {
        assertForbidden(HttpMethod.GET, "/spend", "viewer-secret");
        assertForbidden(HttpMethod.POST, "/spend/query", "viewer-secret");
        assertAllowed(HttpMethod.GET, "/spend/currencies", "viewer-secret", "USD");
    }

    @Test
    void financeReadsOnlyWhatIsMarkedForIt() {
        assertAllowed(HttpMethod.GET, "/spend", "finance-secret", "spend");
        assertAllowed(HttpMethod.GET, "/spend/currencies", "finance-secret", "USD");
        assertAllowed(HttpMethod.POST, "/spend/query", "finance-secret", "spend query");
        assertForbidden(HttpMethod.POST, "/spend/budgets", "finance-secret");
        assertForbidden(HttpMethod.GET, "/things", "finance-secret");
        assertForbidden(HttpMethod.POST, "/things/dry-run", "finance-secret");
        assertForbidden(HttpMethod.PUT, "/things", "finance-secret");
    }

    @Test
    void missingOrWrongTokensAre401NotForbidden() {
        for (String token : new String[] {null, "wrong", "svc-secret", "viewer-secre", "viewer-secret-", "Viewer-secret"}) {
            for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.PUT}) {
                Answer answer = call(method, "/things", token);
                assertThat(answer.status()).as(method + " with " + token).isEqualTo(401);
                assertThat(answer.body()).contains("\"type\":\"authentication\"");
            }
        }
    }

    @Test
    void theForbiddenMessageNamesPrincipalAndRole() {
        assertThat(call(HttpMethod.PUT, "/things", "viewer-secret").body())
                .contains("principal 'vera' has role viewer, which may not change anything");
        assertThat(call(HttpMethod.GET, "/things", "finance-secret").body())
                .contains("principal 'fin' has role finance, which may not read this");
    }
}
