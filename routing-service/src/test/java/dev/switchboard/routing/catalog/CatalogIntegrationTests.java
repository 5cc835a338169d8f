package dev.switchboard.routing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.contracts.routing.CatalogModel;
import dev.switchboard.contracts.routing.ModelCatalog;
import dev.switchboard.routing.RoutingHttp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_catalog_tests");
    }

    @LocalServerPort
    int port;

    @Test
    void listsEnabledModelsByNameWithTheirProviderAndCreationTime() {
        RoutingHttp http = new RoutingHttp(port);
        http.admin(PUT, "/api/v1/providers/p-one", "{\"type\":\"openai\",\"baseUrl\":\"http://127.0.0.1:1/v1\"}");
        http.admin(PUT, "/api/v1/models/zeta", "{\"provider\":\"p-one\",\"version\":\"1\"}");
        http.admin(PUT, "/api/v1/models/alpha", "{\"provider\":\"p-one\",\"version\":\"1\"}");
        http.admin(PUT, "/api/v1/models/hidden", "{\"provider\":\"p-one\",\"version\":\"1\",\"enabled\":false}");

        RoutingHttp.Response response = http.internal(GET, "/internal/v1/models?teamId=team-1", null);

        assertThat(response.status()).isEqualTo(200);
        ModelCatalog catalog = response.as(ModelCatalog.class);
        assertThat(catalog.models()).extracting(CatalogModel::id).containsExactly("alpha", "zeta");
        assertThat(catalog.models()).extracting(CatalogModel::ownedBy).containsOnly("p-one");
        assertThat(catalog.models().get(0).created())
                .isBetween(Instant.now().getEpochSecond() - 300, Instant.now().getEpochSecond() + 5);
    }

    @Test
    void listsAliasesOfEnabledModelsAsOwnedBySwitchboard() {
        RoutingHttp http = new RoutingHttp(port);
        http.admin(PUT, "/api/v1/providers/p-two", "{\"type\":\"openai\",\"baseUrl\":\"http://127.0.0.1:1/v1\"}");
        http.admin(PUT, "/api/v1/models/served", "{\"provider\":\"p-two\",\"version\":\"1\"}");
        http.admin(PUT, "/api/v1/models/dormant", "{\"provider\":\"p-two\",\"version\":\"1\"}");
        assertThat(http.admin(PUT, "/api/v1/aliases/fast", "{\"model\":\"served\"}").status()).isEqualTo(200);
        assertThat(http.admin(PUT, "/api/v1/aliases/sleepy", "{\"model\":\"dormant\"}").status()).isEqualTo(200);
        http.admin(PUT, "/api/v1/models/dormant", "{\"provider\":\"p-two\",\"version\":\"1\",\"enabled\":false}");

        try {
            ModelCatalog catalog = http.internal(GET, "/internal/v1/models?teamId=team-1", null).as(ModelCatalog.class);

            assertThat(catalog.models()).extracting(CatalogModel::id).contains("fast", "served")
                    .doesNotContain("sleepy", "dormant").isSorted();
            CatalogModel fast = catalog.models().stream().filter(m -> m.id().equals("fast")).findFirst().orElseThrow();
            assertThat(fast.ownedBy()).isEqualTo("switchboard");
            assertThat(fast.created())
                    .isBetween(Instant.now().getEpochSecond() - 300, Instant.now().getEpochSecond() + 5);
        }
        finally {
            // the test above lists every model exactly, and shares this database
            for (String path : List.of("aliases/fast", "aliases/sleepy", "models/served", "models/dormant")) {
                http.admin(DELETE, "/api/v1/" + path, null);
            }
        }
    }

    @Test
    void requiresTheServiceTokenAndATeam() {
        RoutingHttp http = new RoutingHttp(port);

        assertThat(http.anonymous(GET, "/internal/v1/models?teamId=t", null).status()).isEqualTo(401);
        assertThat(http.internal(GET, "/internal/v1/models", null).status()).isEqualTo(400);
    }
}
