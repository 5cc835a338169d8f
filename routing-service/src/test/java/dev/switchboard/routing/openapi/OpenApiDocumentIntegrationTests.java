package dev.switchboard.routing.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;

import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIntegrationTests {

    static final String DOCUMENT = "/api/v1/openapi.json";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_openapi_tests");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    RoutingHttp http;

    @BeforeEach
    void client() {
        http = new RoutingHttp(port);
    }

    private JsonNode document() {
        Response response = http.as(RoutingHttp.FINANCE_TOKEN, GET, DOCUMENT, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void listsEveryAdminHandlerOfTheApplicationAndNoInternalOne() {
        Set<String> mapped = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/v1/") && !pattern.equals(DOCUMENT)
                        && !method.getBeanType().getPackageName().startsWith("org.springdoc")) {
                    for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                        mapped.add(verb.name() + " " + pattern.replace("{*", "{"));
                    }
                }
            }
        });
        Set<String> documented = new TreeSet<>();
        document().get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(mapped).contains("PUT /api/v1/providers/{id}", "GET /api/v1/audit");
        assertThat(documented).isEqualTo(mapped);
        assertThat(documented).noneMatch(operation -> operation.contains("/internal/"));
    }

    @Test
    void hasTitleVersionAndABearerSchemeEveryOperationNeeds() {
        JsonNode document = document();

        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.at("/info/title").asString()).isEqualTo("routing-service admin API");
        assertThat(document.at("/info/version").asString()).isEqualTo("v1");
        assertThat(document.at("/components/securitySchemes/bearer/type").asString()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
    }

    @Test
    void describesTheBodyOfEveryPut() {
        JsonNode document = document();
        int puts = 0;
        for (var path : document.get("paths").properties()) {
            JsonNode put = path.getValue().get("put");
            if (put != null) {
                puts++;
                String reference = put.at("/requestBody/content/application~1json/schema/$ref").asString();
                assertThat(reference).as(path.getKey()).startsWith("#/components/schemas/");
                JsonNode schema = document.at("/components/schemas/" + reference.substring(reference.lastIndexOf('/') + 1));
                assertThat(schema.get("properties").size()).as(reference).isPositive();
            }
        }
        assertThat(puts).isGreaterThanOrEqualTo(3);
        assertThat(document.at("/components/schemas/ModelRequest/properties/price/$ref").asString())
                .endsWith("PriceRequest");
        assertThat(document.at("/components/schemas/ProviderRequest/required").toString()).contains("baseUrl");
        assertThat(document.at("/components/schemas/RouteDefinition/properties/resilience/$ref").asString())
                .endsWith("Resilience");
        assertThat(document.at("/components/schemas/Resilience/properties/maxAttempts/maximum").asInt()).isEqualTo(10);
    }

    @Test
    void isReadableByEveryRoleButNotWithoutAToken() {
        for (String token : new String[] {RoutingHttp.ADMIN_TOKEN, RoutingHttp.VIEWER_TOKEN, RoutingHttp.FINANCE_TOKEN}) {
            assertThat(http.as(token, GET, DOCUMENT, null).status()).as(token).isEqualTo(200);
        }
        assertThat(http.anonymous(GET, DOCUMENT, null).status()).isEqualTo(401);
    }
}
