package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The edge on its own, with its internal services unreachable: it must start, answer its probes, refuse
 * callers without a key, and fail closed (503 with Retry-After) when it cannot authenticate. The path through
 * real services is the devstack's end-to-end test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeApplicationIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void unreachableServices(DynamicPropertyRegistry registry) throws Exception {
        UnreachableServices.register(registry);
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    void startsAndAnswersItsProbes() throws Exception {
        assertThat(send(at("/actuator/health/liveness")).body()).contains("UP");
        assertThat(send(at("/actuator/health/readiness")).statusCode()).isEqualTo(200);
        assertThat(send(at("/actuator/prometheus")).statusCode()).isEqualTo(200);
    }

    @Test
    void readinessStaysUpAndSaysRoutingServiceIsUnreachableWithoutWaitingOnIt() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        HttpResponse<String> readiness = send(at("/actuator/health/readiness"));
        while (readiness.body().contains("\"routingServiceReachable\":true") && System.nanoTime() < deadline) {
            Thread.sleep(100); // the first registry poll runs a second after startup
            readiness = send(at("/actuator/health/readiness"));
        }

        long started = System.nanoTime();
        readiness = send(at("/actuator/health/readiness"));
        long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"routingServiceReachable\":false")
                .contains("\"lastPollError\":\"routing-service is unreachable");
        assertThat(millis).as("answered from memory").isLessThan(1_000);
    }

    @Test
    void refusesCallersWithoutAKeyOnEveryEndpoint() throws Exception {
        HttpResponse<String> chat = send(at("/v1/chat/completions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> models = send(at("/v1/models"));
        HttpResponse<String> model = send(at("/v1/models/openai/gpt-4o-mini"));
        HttpResponse<String> embeddings = send(at("/v1/embeddings").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        for (HttpResponse<String> response : java.util.List.of(chat, models, model, embeddings)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"code\":\"invalid_api_key\"");
            assertThat(response.headers().firstValue("x-request-id")).isPresent();
        }
    }

    @Test
    void refusesAnthropicCallersWithoutAKeyInAnthropicsShape() throws Exception {
        HttpResponse<String> messages = send(at("/v1/messages").header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01").POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> models = send(at("/v1/models").header("anthropic-version", "2023-06-01"));

        for (HttpResponse<String> response : java.util.List.of(messages, models)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"type\":\"error\"").contains("\"type\":\"authentication_error\"");
            assertThat(response.headers().firstValue("request-id")).isPresent();
        }
    }

    @Test
    void tracesNothingWithoutAnOtlpEndpoint() {
        assertThat(context.getBean(io.micrometer.tracing.Tracer.class)).isSameAs(io.micrometer.tracing.Tracer.NOOP);
        assertThat(context.getBeanNamesForType(io.opentelemetry.sdk.trace.export.SpanExporter.class)).isEmpty();
        assertThat(context.getBean(dev.switchboard.edge.observability.EdgeTracing.class).enabled()).isFalse();
    }

    @Test
    void failsClosedWhenItCannotAuthenticate() throws Exception {
        HttpResponse<String> response = send(at("/v1/models").header("Authorization", "Bearer sb-some-key"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body()).contains("\"type\":\"service_unavailable_error\"");
    }
}
