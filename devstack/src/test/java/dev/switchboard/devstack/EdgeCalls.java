package dev.switchboard.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw HTTP to a running edge with the demo key, for tests that read the gateway's own headers, and the edge's
 * resilience admin endpoint and Prometheus metrics.
 */
final class EdgeCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** {@code name{labels} value}; labels are optional. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final LocalSuite suite;

    EdgeCalls(LocalSuite suite) {
        this.suite = suite;
    }

    HttpResponse<String> chat(String model, boolean stream) throws Exception {
        return HTTP.send(chatRequest(model, stream), HttpResponse.BodyHandlers.ofString());
    }

    /** A non-streamed chat sent without waiting, for tests that need requests in flight side by side. */
    CompletableFuture<HttpResponse<String>> chatAsync(String model) {
        return HTTP.sendAsync(chatRequest(model, false), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest chatRequest(String model, boolean stream) {
        return post("/v1/chat/completions", """
                {"model":"%s","stream":%s,"max_tokens":64,"messages":[{"role":"user","content":"Resilient? %s"}]}"""
                .formatted(model, stream, UUID.randomUUID()));
    }

    HttpResponse<String> embed(String model) throws Exception {
        return HTTP.send(post("/v1/embeddings", """
                {"model":"%s","input":"Embed me %s"}""".formatted(model, UUID.randomUUID())),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Anthropic's Messages API on the edge, the demo key in {@code x-api-key}. */
    HttpResponse<String> messages(String model) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/v1/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("x-api-key", suite.demoKey())
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model":"%s","max_tokens":64,"messages":[{"role":"user","content":"Resilient? %s"}]}"""
                        .formatted(model, UUID.randomUUID())))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(suite.edgeUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + suite.demoKey())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** {@code GET /api/v1/resilience} with the suite's admin token; insists on a 200. */
    JsonNode resilience() throws Exception {
        HttpResponse<String> response = admin("GET", "/api/v1/resilience", suite.adminToken());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/resilience answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The admin endpoint's entry for one deployment, or a missing node. */
    JsonNode breaker(TestDeployments.Deployment deployment) throws Exception {
        for (JsonNode entry : resilience().path("deployments")) {
            if (entry.path("deploymentId").asString().equals(deployment.id())) {
                return entry;
            }
        }
        return JSON.missingNode();
    }

    /** A call to the edge's admin API; {@code token} null sends no Authorization header. */
    HttpResponse<String> admin(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.edgeUrl() + path))
                .timeout(Duration.ofSeconds(15))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of every sample of {@code metric} on the edge's Prometheus endpoint whose labels include {@code labels}. */
    double metric(String metric, Map<String, String> labels) throws Exception {
        double sum = 0;
        for (String line : prometheus().split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> present = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                present.put(label.group(1), label.group(2));
            }
            if (present.entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    /** Whether the edge exposes {@code metric} at all, with any labels. */
    boolean hasMetric(String metric) throws Exception {
        return prometheus().lines().anyMatch(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "));
    }

    private String prometheus() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(suite.edgeUrl() + "/actuator/prometheus")).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + response.statusCode());
        }
        return response.body();
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("x-request-id")
                .orElseThrow(() -> new AssertionError("no x-request-id on " + response));
    }
}
