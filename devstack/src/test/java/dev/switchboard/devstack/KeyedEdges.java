package dev.switchboard.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * Non-streamed chats to any edge replica with one API key, for tests that spread a key's traffic over the edges
 * and read the quota answers: status, error code, Retry-After and the rate-limit headers.
 */
final class KeyedEdges {

    /** HTTP/1.1 and no connection cap, so hundreds of requests really are in flight at once. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalSuite suite;
    private final String key;

    KeyedEdges(LocalSuite suite, String key) {
        this.suite = suite;
        this.key = key;
    }

    /** Replicas are numbered from 1; {@code maxTokens} bounds the answer and so the request's reservation. */
    HttpResponse<String> chat(int replica, String model, int maxTokens) throws Exception {
        return HTTP.send(request(replica, model, maxTokens), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> chatAsync(int replica, String model, int maxTokens) {
        return HTTP.sendAsync(request(replica, model, maxTokens), HttpResponse.BodyHandlers.ofString());
    }

    /** The number of edge replicas the suite runs. */
    int replicas() {
        return suite.edgeUrls().size();
    }

    private HttpRequest request(int replica, String model, int maxTokens) {
        return HttpRequest.newBuilder(URI.create(suite.edgeUrl(replica) + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model":"%s","max_tokens":%d,"messages":[{"role":"user","content":"Within budget? %s"}]}"""
                        .formatted(model, maxTokens, UUID.randomUUID())))
                .build();
    }

    /** The OpenAI error's {@code code}, or an empty string for a body that is not one. */
    static String errorCode(HttpResponse<String> response) {
        try {
            JsonNode error = EdgeCalls.JSON.readTree(response.body()).path("error");
            return error.path("code").asString("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** {@code Retry-After} in whole seconds, or -1 when absent. */
    static long retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
    }
}
