package dev.switchboard.quota.openapi;

import static dev.switchboard.quota.QuotaHttp.Auth.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.AdminApiIntegrationTest;
import dev.switchboard.quota.QuotaHttp.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin API document lists the tenancy endpoints and none of the edge's internal ones. */
class OpenApiDocumentIntegrationTests extends AdminApiIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "quota_openapi_tests");
    }

    @Test
    void documentsTheAdminApiOnly() {
        Response document = http.get("/api/v1/openapi.json", VIEWER);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().at("/info/title").asString()).isEqualTo("quota-service admin API");
        List<String> paths = new ArrayList<>(document.body().path("paths").propertyNames());
        assertThat(paths).contains("/api/v1/organisations/{id}", "/api/v1/teams/{id}", "/api/v1/keys/{keyId}/rotate",
                "/api/v1/limits/{scope}", "/api/v1/budgets/{scope}/{kind}/{period}", "/api/v1/audit");
        assertThat(paths).noneMatch(path -> path.startsWith("/internal/"));
    }
}
