package dev.switchboard.edge;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.contracts.error.ServiceError;
import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.RegistryState;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RoutePlan;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * quota-service, routing-service and an OpenAI-format provider stood in by one local server: keys authenticate as
 * {@link #metered} says, admission answers {@link #admissionStatus} and {@link #decision}, routing serves one plan of
 * a priced and an unpriced candidate, and the provider answers chat (JSON or SSE) and embeddings. It records what
 * admission and the provider were sent.
 */
final class StandInServices implements AutoCloseable {

    static final ModelPrice PRICE = new ModelPrice("price-7", new BigDecimal("2.50"), null, new BigDecimal("10"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-test-upstream","choices":[{"index":0,\
            "message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}""";
    private static final String CHUNK = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-test-upstream\",\"choices\":%s%s}\n\n";
    private static final String STREAM = CHUNK.formatted(
            "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":null}]", "")
            + CHUNK.formatted("[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]", "")
            + CHUNK.formatted("[]", ",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}")
            + "data: [DONE]\n\n";
    private static final String EMBEDDINGS = """
            {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]}],\
            "model":"embed-upstream","usage":{"prompt_tokens":2,"total_tokens":2}}""";

    volatile boolean metered;
    volatile boolean logPrompts;
    volatile int admissionStatus = 200;
    volatile AdmissionDecision decision = AdmissionDecision.admit("res-1", 99);
    final List<AdmissionRequest> admissions = new CopyOnWriteArrayList<>();
    final List<JsonNode> providerBodies = new CopyOnWriteArrayList<>();
    /** Each internal call's path with the {@code traceparent} and {@code x-request-id} it carried. */
    final List<InternalCall> internalCalls = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    StandInServices() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .post("/internal/v1/keys/authenticate", (request, response) -> json(recorded(request, response), 200,
                        new AuthenticatedKey("key-1", "team-1", "ci", List.of(), metered, logPrompts)))
                .post("/internal/v1/admissions", (request, response) -> recorded(request, request.receive())
                        .aggregate().asByteArray()
                        .flatMap(body -> {
                            admissions.add(JSON.readValue(body, AdmissionRequest.class));
                            return json(response, admissionStatus, admissionStatus == 200 ? decision
                                    : new ServiceError("unavailable", "Redis is down"))
                                    .then();
                        }))
                .post("/internal/v1/reservations/{id}/release", (request, response) -> response.status(204).send())
                .post("/internal/v1/latency-reports", (request, response) -> response.status(202).send())
                .get("/internal/v1/registry/version", (request, response) -> json(response, 200,
                        new RegistryState(1, List.of())))
                .post("/internal/v1/route-plans", (request, response) -> json(recorded(request, response), 200,
                        plan()))
                .post("/v1/chat/completions", (request, response) -> request.receive().aggregate().asByteArray()
                        .flatMap(body -> {
                            JsonNode sent = JSON.readTree(body);
                            providerBodies.add(sent);
                            boolean stream = sent.path("stream").asBoolean(false);
                            return response.header("Content-Type", stream ? "text/event-stream" : "application/json")
                                    .sendString(Mono.just(stream ? STREAM : COMPLETION)).then();
                        }))
                .post("/v1/embeddings", (request, response) -> request.receive().aggregate().asByteArray()
                        .flatMap(body -> {
                            providerBodies.add(JSON.readTree(body));
                            return response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(EMBEDDINGS)).then();
                        })))
                .bindNow();
    }

    record InternalCall(String path, String traceparent, String requestId) {
    }

    private <T> T recorded(HttpServerRequest request, T passThrough) {
        internalCalls.add(new InternalCall(request.uri(), request.requestHeaders().get("traceparent"),
                request.requestHeaders().get("x-request-id")));
        return passThrough;
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    private RoutePlan plan() {
        return new RoutePlan("model:gpt-test", "gpt-test", List.of(
                new RouteCandidate("stand-in", "openai", url() + "/v1", null, "gpt-test", "gpt-test-upstream",
                        "2026-01", PRICE),
                new RouteCandidate("stand-in-b", "openai", url() + "/v1", null, "gpt-backup", "gpt-backup-upstream",
                        "2026-01", null)), 1, "test plan");
    }

    private static Mono<Void> json(HttpServerResponse response, int status, Object body) {
        return response.status(status).header("Content-Type", "application/json")
                .sendByteArray(Mono.just(JSON.writeValueAsBytes(body))).then();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
