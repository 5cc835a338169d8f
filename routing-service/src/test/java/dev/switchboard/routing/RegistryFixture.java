package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.routing.RoutingHttp.Response;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Seeds providers, models, aliases and routes through the admin API, and asks for plans and dry-runs. */
public final class RegistryFixture {

    private final RoutingHttp http;

    public RegistryFixture(RoutingHttp http) {
        this.http = http;
    }

    /**
     * Empties the registry (the audit log stays) and bumps the version, as an admin change would, so the
     * planner's snapshot is reloaded. Tests in one class share a database, and rules would leak between them.
     */
    public static void reset(JdbcClient jdbc) {
        jdbc.sql("delete from routing.routes").update();
        jdbc.sql("delete from routing.model_aliases").update();
        jdbc.sql("delete from routing.models").update();
        jdbc.sql("delete from routing.providers").update();
        jdbc.sql("delete from routing.deployment_latency").update();
        jdbc.sql("update routing.registry_version set version = version + 1").update();
    }

    public void provider(String id, String extraJson) {
        ok(http.admin(PUT, "/api/v1/providers/" + id, """
                {"type":"openai","baseUrl":"http://127.0.0.1:18080/v1"%s}""".formatted(extraJson)));
    }

    /** A model on provider {@code p1} with the given price (input, output per 1M) and extra fields. */
    public void model(String name, String input, String output, String extraJson) {
        String price = input == null ? "" : """
                ,"price":{"inputPerMillion":"%s","outputPerMillion":"%s"}""".formatted(input, output);
        ok(http.admin(PUT, "/api/v1/models/" + name, """
                {"provider":"p1","version":"1"%s%s}""".formatted(price, extraJson)));
    }

    public void alias(String name, String model) {
        ok(http.admin(PUT, "/api/v1/aliases/" + name, "{\"model\":\"" + model + "\"}"));
    }

    public JsonNode route(String name, String json) {
        return ok(http.admin(PUT, "/api/v1/routes/" + name, json));
    }

    public Response plan(String json) {
        return http.internal(POST, "/internal/v1/route-plans", json);
    }

    public JsonNode dryRun(String json) {
        return ok(http.admin(POST, "/api/v1/route-plans/dry-run", json));
    }

    public static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
        return response.body().isEmpty() ? null : response.json();
    }
}
