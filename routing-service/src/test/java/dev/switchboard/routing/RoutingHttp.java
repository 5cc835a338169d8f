package dev.switchboard.routing;

import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives a running routing-service over real HTTP and hands back status and raw body, whatever the status. */
public final class RoutingHttp {

    public static final String SERVICE_TOKEN = "test-service-token";
    public static final String ADMIN_TOKEN = "test-admin-token";
    /** Named principals besides the admin token's: another admin, a viewer and a finance reader. */
    public static final String OPS_TOKEN = "test-ops-token";
    public static final String VIEWER_TOKEN = "test-viewer-token";
    public static final String FINANCE_TOKEN = "test-finance-token";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    public RoutingHttp(int port) {
        this.client = RestClient.create("http://localhost:" + port);
    }

    /**
     * A fresh database for the calling test class plus the tokens; the tokens differ from the
     * application.yml defaults on purpose.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, database);
        registry.add("switchboard.security.service-token", () -> SERVICE_TOKEN);
        registry.add("switchboard.security.admin-token", () -> ADMIN_TOKEN);
        principal(registry, 0, "ops", "admin", OPS_TOKEN);
        principal(registry, 1, "vera", "viewer", VIEWER_TOKEN);
        principal(registry, 2, "fin", "finance", FINANCE_TOKEN);
    }

    private static void principal(DynamicPropertyRegistry registry, int index, String name, String role, String token) {
        String prefix = "switchboard.security.principals[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "role", () -> role);
        registry.add(prefix + "token", () -> token);
    }

    /** {@code uriVariables} are expanded and encoded the way RestClient users' code does it ('/' becomes %2F). */
    public Response admin(HttpMethod method, String path, String jsonBody, Object... uriVariables) {
        return send(method, path, jsonBody, "Authorization", "Bearer " + ADMIN_TOKEN, uriVariables);
    }

    /** A call as the principal with this bearer token. */
    public Response as(String token, HttpMethod method, String path, String jsonBody, Object... uriVariables) {
        return send(method, path, jsonBody, "Authorization", "Bearer " + token, uriVariables);
    }

    /** An admin call with a YAML body, or none, accepting anything (registry import and export). */
    public Response adminYaml(HttpMethod method, String path, String yamlBody) {
        RestClient.RequestBodySpec request = client.method(method).uri(path)
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Accept", "*/*");
        if (yamlBody != null) {
            request.header("Content-Type", "application/yaml").body(yamlBody.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
    }

    public Response internal(HttpMethod method, String path, String jsonBody) {
        return send(method, path, jsonBody, "x-switchboard-service-token", SERVICE_TOKEN);
    }

    public Response anonymous(HttpMethod method, String path, String jsonBody) {
        return send(method, path, jsonBody, null, null);
    }

    private Response send(HttpMethod method, String path, String jsonBody, String header, String value,
                          Object... uriVariables) {
        RestClient.RequestBodySpec request = client.method(method).uri(path, uriVariables);
        if (header != null) {
            request.header(header, value);
        }
        if (jsonBody != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
    }

    /** Status and body of one exchange. */
    public record Response(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public <T> T as(Class<T> type) {
            return JSON.readValue(body, type);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
