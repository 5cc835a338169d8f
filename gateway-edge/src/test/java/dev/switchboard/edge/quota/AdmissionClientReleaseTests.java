package dev.switchboard.edge.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.internal.InternalServiceClients;
import dev.switchboard.edge.metrics.QuotaRefusalMetrics;
import dev.switchboard.edge.metrics.TeamTags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** Release against a local HTTP server that fails on demand: it retries what may pass and never errors. */
class AdmissionClientReleaseTests {

    static final String TOKEN = "test-service-token";

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicInteger calls = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void retriesServiceUnavailableUntilReleased() {
        AdmissionClient client = clientOf(quotaAnswering(503, 503, 204));

        StepVerifier.create(client.release("res-1")).expectComplete().verify(Duration.ofSeconds(10));

        assertThat(calls).hasValue(3);
        assertThat(requests).containsOnly("POST /internal/v1/reservations/res-1/release " + TOKEN);
        assertThat(count("released")).isEqualTo(1);
        assertThat(count("failed")).isZero();
    }

    @Test
    void givesUpQuietlyAfterThreeRetriesWithGrowingBackoff() {
        AdmissionClient client = clientOf(quotaAnswering(503, 503, 503, 503, 503));

        long started = System.nanoTime();
        StepVerifier.create(client.release("res-2")).expectComplete().verify(Duration.ofSeconds(10));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(calls).hasValue(4);
        assertThat(elapsedMillis).as("100 + 400 + 1600 ms between the attempts").isGreaterThanOrEqualTo(2_100);
        assertThat(count("failed")).isEqualTo(1);
        assertThat(count("released")).isZero();
    }

    @Test
    void doesNotRetryARefusalThatCannotChange() {
        AdmissionClient client = clientOf(quotaAnswering(400, 204));

        StepVerifier.create(client.release("res-3")).expectComplete().verify(Duration.ofSeconds(5));

        assertThat(calls).hasValue(1);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void completesEmptyWhenQuotaServiceIsUnreachable() throws IOException {
        AdmissionClient client = clientOf(closedPort());

        StepVerifier.create(client.release("res-4")).expectComplete().verify(Duration.ofSeconds(15));

        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void releasesNothingForAMissingReservation() {
        AdmissionClient client = clientOf(quotaAnswering(204));

        StepVerifier.create(client.release(null)).expectComplete().verify(Duration.ofSeconds(1));

        assertThat(calls).hasValue(0);
        assertThat(count("released") + count("failed")).isZero();
    }

    /** Answers the n-th call with the n-th status, the last one repeated. */
    private URI quotaAnswering(int... statuses) {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/internal/v1/reservations/{id}/release", (request, response) -> {
                    int call = calls.incrementAndGet();
                    requests.add(request.method() + " " + request.uri() + " "
                            + request.requestHeaders().get("x-switchboard-service-token"));
                    int status = statuses[Math.min(call, statuses.length) - 1];
                    if (status == 204) {
                        return response.status(204).send();
                    }
                    return response.status(status).header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"type\":\"overloaded\",\"message\":\"try again\"}"));
                }))
                .bindNow();
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private AdmissionClient clientOf(URI quotaUrl) {
        return new AdmissionClient(InternalServiceClients.to("quota-service", quotaUrl, TOKEN), meters,
                new QuotaRefusalMetrics(meters, new TeamTags(10)));
    }

    private double count(String outcome) {
        return meters.get("switchboard.edge.reservation.releases").tag("outcome", outcome).counter().count();
    }
}
