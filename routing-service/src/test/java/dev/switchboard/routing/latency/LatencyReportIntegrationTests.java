package dev.switchboard.routing.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

import dev.switchboard.routing.RegistryFixture;
import dev.switchboard.routing.RegistryIntegrationTest;
import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

class LatencyReportIntegrationTests extends RegistryIntegrationTest {

    private static final String DRY_RUN = "{\"teamId\":\"t\",\"model\":\"x\"}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_latency_tests");
    }

    @BeforeEach
    void seed() {
        registry.model("slow-cheap", "0.1", "0.1", "");
        registry.model("quick", "1", "1", "");
        registry.model("quicker-dear", "5", "5", "");
        registry.route("fast", """
                {"position":10,"strategy":"fastest","pool":["slow-cheap","quick","quicker-dear"]}""");
    }

    @Test
    void fastestRanksByReportedP95CombinedOverEdgesWeightedBySamples() {
        report("edge-1", "{\"deploymentId\":\"p1/slow-cheap\",\"samples\":100,\"p95Millis\":900},"
                + "{\"deploymentId\":\"p1/quick\",\"samples\":10,\"p95Millis\":100},"
                + "{\"deploymentId\":\"p1/quicker-dear\",\"samples\":30,\"p95Millis\":200}");
        // quick: (10*100 + 30*500) / 40 = 400 ms; quicker-dear: (30*200 + 10*400) / 40 = 250 ms
        report("edge-2", "{\"deploymentId\":\"p1/quick\",\"samples\":30,\"p95Millis\":500},"
                + "{\"deploymentId\":\"p1/quicker-dear\",\"samples\":10,\"p95Millis\":400}");

        JsonNode answer = registry.dryRun(DRY_RUN);

        assertThat(answer.get("candidates")).extracting(c -> c.get("model").asString())
                .containsExactly("quicker-dear", "quick", "slow-cheap");
        assertThat(reason(answer, "quicker-dear")).isEqualTo("fastest capable: recent p95 250 ms over 40 samples");
        assertThat(reason(answer, "quick")).isEqualTo("fastest capable: recent p95 400 ms over 40 samples");
        assertThat(answer.get("plan").get("reason").asString()).isEqualTo("rule fast: fastest capable -> quicker-dear");
    }

    @Test
    void ignoresStaleReportsAndDeploymentsWithTooFewSamples() {
        report("edge-1", "{\"deploymentId\":\"p1/quicker-dear\",\"samples\":500,\"p95Millis\":50},"
                + "{\"deploymentId\":\"p1/quick\",\"samples\":19,\"p95Millis\":10},"
                + "{\"deploymentId\":\"p1/slow-cheap\",\"samples\":20,\"p95Millis\":900}");
        // the edge-1 figures for quicker-dear are ten minutes old: outside the five-minute window
        jdbc.sql("update routing.deployment_latency set reported_at = now() - interval '10 minutes' "
                + "where deployment_id = 'p1/quicker-dear'").update();

        JsonNode answer = registry.dryRun(DRY_RUN);

        // only slow-cheap has enough fresh samples; the rest follow by price
        assertThat(answer.get("candidates")).extracting(c -> c.get("model").asString())
                .containsExactly("slow-cheap", "quick", "quicker-dear");
        assertThat(reason(answer, "quick")).isEqualTo("too few recent samples (19 < 20), ranked after measured "
                + "models by price: $2 per 1M tokens (input + output)");
        assertThat(reason(answer, "quicker-dear")).isEqualTo("no recent latency data, ranked after measured models "
                + "by price: $10 per 1M tokens (input + output)");
    }

    @Test
    void anEdgesWindowsAddUpAndStaleRowsAreDropped() {
        // each report is one short window: 12 + 12 samples reach the minimum of 20 that neither reaches alone
        report("edge-1", "{\"deploymentId\":\"p1/quick\",\"samples\":12,\"p95Millis\":100}");
        report("edge-old", "{\"deploymentId\":\"p1/quick\",\"samples\":50,\"p95Millis\":10}");
        jdbc.sql("update routing.deployment_latency set reported_at = now() - interval '1 hour' "
                + "where edge_id = 'edge-old'").update();

        report("edge-1", "{\"deploymentId\":\"p1/quick\",\"samples\":12,\"p95Millis\":300},"
                + "{\"deploymentId\":\"p1/slow-cheap\",\"samples\":5,\"p95Millis\":10}");

        assertThat(jdbc.sql("select edge_id || ' ' || deployment_id from routing.deployment_latency order by 1")
                .query(String.class).list()).containsExactly("edge-1 p1/quick", "edge-1 p1/quick", "edge-1 p1/slow-cheap");
        JsonNode answer = registry.dryRun(DRY_RUN);
        assertThat(reason(answer, "quick")).isEqualTo("fastest capable: recent p95 200 ms over 24 samples");
        assertThat(answer.get("candidates").get(0).get("model").asString()).isEqualTo("quick");
    }

    @Test
    void rejectsBadReportsWithFieldPaths() {
        assertInvalid("{\"edgeId\":\"\",\"windowSeconds\":0,\"deployments\":[]}",
                "edgeId: must be 1 to 128 letters, digits, '.', '_', ':' or '-'; windowSeconds: must be between 1 and 3600");
        assertInvalid("{\"edgeId\":\"e\",\"windowSeconds\":10,\"deployments\":["
                + "{\"deploymentId\":\"p1/quick\",\"samples\":-1,\"p95Millis\":10},"
                + "{\"deploymentId\":\"no-slash\",\"samples\":1,\"p95Millis\":-2},"
                + "{\"deploymentId\":\"p1/quick\",\"samples\":1,\"p95Millis\":1}]}",
                "deployments[0].samples: must be greater than or equal to 0; deployments[1].deploymentId: must be "
                        + "providerId/upstreamModel; deployments[1].p95Millis: must be between 0 and 3600000; "
                        + "deployments[2].deploymentId: repeats deployments[0]");
        assertThat(http.anonymous(POST, "/internal/v1/latency-reports", "{}").status()).isEqualTo(401);
    }

    private void report(String edge, String deployments) {
        Response response = http.internal(POST, "/internal/v1/latency-reports", """
                {"edgeId":"%s","windowSeconds":60,"deployments":[%s]}""".formatted(edge, deployments));
        assertThat(response.status()).as(response.toString()).isEqualTo(204);
    }

    private void assertInvalid(String body, String message) {
        Response response = http.internal(POST, "/internal/v1/latency-reports", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo(message);
    }

    private static String reason(JsonNode dryRun, String model) {
        for (JsonNode c : dryRun.get("explanation").get("considered")) {
            if (c.get("model").asString().equals(model)) {
                return c.get("reason").asString();
            }
        }
        throw new AssertionError(model + " not considered: " + dryRun);
    }
}
