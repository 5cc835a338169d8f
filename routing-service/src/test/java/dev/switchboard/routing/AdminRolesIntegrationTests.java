package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.routing.RoutingHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The roles of service-web applied to the registry's admin API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminRolesIntegrationTests {

    static final String PROVIDER = "{\"type\":\"openai\",\"baseUrl\":\"http://127.0.0.1:1/v1\"}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_roles_tests");
    }

    @LocalServerPort
    int port;

    RoutingHttp http;

    @BeforeEach
    void seed() {
        http = new RoutingHttp(port);
        assertThat(http.admin(PUT, "/api/v1/providers/existing", PROVIDER).status()).isEqualTo(200);
    }

    @Test
    void viewerReadsTheRegistryAndTheAuditLogButChangesNothing() {
        for (String path : new String[] {"/api/v1/providers", "/api/v1/providers/existing", "/api/v1/models",
                "/api/v1/aliases", "/api/v1/audit"}) {
            assertThat(http.as(RoutingHttp.VIEWER_TOKEN, GET, path, null).status()).as(path).isEqualTo(200);
        }
        assertForbidden(http.as(RoutingHttp.VIEWER_TOKEN, PUT, "/api/v1/providers/by-viewer", PROVIDER));
        assertForbidden(http.as(RoutingHttp.VIEWER_TOKEN, DELETE, "/api/v1/providers/existing", null));
        assertThat(http.admin(GET, "/api/v1/providers/by-viewer", null).status()).isEqualTo(404);
        assertThat(http.admin(GET, "/api/v1/providers/existing", null).status()).isEqualTo(200);
    }

    @Test
    void financeReadsNoneOfTheRegistry() {
        assertForbidden(http.as(RoutingHttp.FINANCE_TOKEN, GET, "/api/v1/providers", null));
        assertForbidden(http.as(RoutingHttp.FINANCE_TOKEN, GET, "/api/v1/audit", null));
        assertForbidden(http.as(RoutingHttp.FINANCE_TOKEN, PUT, "/api/v1/providers/by-finance", PROVIDER));
    }

    @Test
    void namedAdminsChangeTheRegistryUnderTheirOwnName() {
        assertThat(http.as(RoutingHttp.OPS_TOKEN, PUT, "/api/v1/providers/by-ops", PROVIDER).status()).isEqualTo(200);

        Response audit = http.admin(GET, "/api/v1/audit?entityType=provider&entityId=by-ops", null);
        assertThat(audit.json().get(0).get("actor").asString()).isEqualTo("ops");
    }

    @Test
    void missingOrUnknownTokensAre401WhateverTheMethod() {
        assertThat(http.anonymous(GET, "/api/v1/providers", null).status()).isEqualTo(401);
        assertThat(http.anonymous(PUT, "/api/v1/providers/x", PROVIDER).status()).isEqualTo(401);
        assertThat(http.as("not-a-token", GET, "/api/v1/providers", null).status()).isEqualTo(401);
        assertThat(http.as(RoutingHttp.SERVICE_TOKEN, GET, "/api/v1/providers", null).status()).isEqualTo(401);
    }

    private static void assertForbidden(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("permission");
    }
}
