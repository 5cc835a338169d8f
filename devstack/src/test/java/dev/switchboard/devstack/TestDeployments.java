package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mockprovider.ledger.Generation;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Providers, models and routes one test registers for itself through routing-service's admin API. Every name
 * carries a random part, so the mock's faults and request counts and the edge's circuit breakers and cool-downs of
 * one test touch nothing else in the shared suite. {@link #close()} removes them again, newest first, and clears
 * their faults.
 */
final class TestDeployments implements AutoCloseable {

    /** The same facts for every chat model registered here, so any of them may stand in for another. */
    private static final Map<String, Object> CHAT_FACTS = Map.of("contextWindow", 128_000, "maxOutputTokens", 4_096,
            "supportsTools", true, "supportsStructuredOutput", true, "supportsVision", true, "reasoningTier", "low");
    private static final Map<String, Object> EMBEDDING_FACTS = Map.of("kind", "embedding");
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    /** A model served by one deployment; its public name is its upstream name, so faults can be set by it. */
    record Deployment(String model, String providerId, Price price) {

        String upstream() {
            return model;
        }

        /** The edge's name for the deployment, e.g. of its circuit breaker. */
        String id() {
            return providerId + "/" + model;
        }
    }

    /** List prices per 1M tokens, as the admin API takes them; {@code cachedInput} null bills cached input as input. */
    record Price(String input, String cachedInput, String output) {

        static final Price DEFAULT = new Price("0.15", "0.60");

        Price(String input, String output) {
            this(input, null, output);
        }

        BigDecimal cost(long inputTokens, long outputTokens) {
            return new BigDecimal(input).multiply(BigDecimal.valueOf(inputTokens))
                    .add(new BigDecimal(output).multiply(BigDecimal.valueOf(outputTokens)))
                    .divide(BigDecimal.valueOf(1_000_000));
        }
    }

    /** A primary on a provider of its own that fails over to a model on the mock's seeded OpenAI provider. */
    record Pair(Deployment primary, Deployment fallback) {
    }

    /** One request to the edge. */
    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private final LocalSuite suite;
    private final AdminApi routing;
    private final String purpose;
    private final Deque<String> created = new ArrayDeque<>();
    private final Map<String, Map<String, Object>> modelBodies = new LinkedHashMap<>();

    /** {@code purpose} starts every name, e.g. {@code r5-breaker}, so a log line says which test made it. */
    TestDeployments(LocalSuite suite, String purpose) {
        this.suite = suite;
        this.routing = suite.routingAdmin();
        this.purpose = purpose;
    }

    /** The mock's own OpenAI, Anthropic or Gemini deployment, as seeded. */
    static String seeded(String type) {
        return "mock-" + type;
    }

    /** A new provider of {@code type} on the mock (another account, say), with its own timeouts if any given. */
    String provider(String type, Map<String, Object> timeouts) {
        String base = suite.mockProvider().baseUrl();
        return providerAt(type, type.equals("openai") ? base + "/v1" : base, timeouts);
    }

    /** A new provider of {@code type} at {@code baseUrl}, e.g. the mock's connect black hole. */
    String providerAt(String type, String baseUrl, Map<String, Object> timeouts) {
        String id = uniqueName("p");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("baseUrl", baseUrl);
        body.put("credentialRef", credentialOf(type));
        if (!timeouts.isEmpty()) {
            body.put("timeouts", timeouts);
        }
        routing.expect("PUT", "/api/v1/providers/" + id, body, 200, 201);
        created.push("/api/v1/providers/" + id);
        return id;
    }

    /** A chat model on {@code providerId} that fails over to {@code fallbacks}, in order. */
    Deployment chat(String providerId, Price price, Deployment... fallbacks) {
        return model(providerId, price, CHAT_FACTS, fallbacks);
    }

    Deployment chat(String providerId, Deployment... fallbacks) {
        return chat(providerId, Price.DEFAULT, fallbacks);
    }

    /** A {@link Pair}; {@code primaryTimeouts} are the primary's provider's, e.g. a short connect timeout. */
    Pair pair(Map<String, Object> primaryTimeouts) {
        Deployment fallback = chat(seeded("openai"));
        return new Pair(chat(provider("openai", primaryTimeouts), fallback), fallback);
    }

    Deployment embedding(String providerId, Deployment... fallbacks) {
        return model(providerId, new Price("0.02", "0"), EMBEDDING_FACTS, fallbacks);
    }

    private Deployment model(String providerId, Price price, Map<String, Object> facts, Deployment... fallbacks) {
        String name = uniqueName("m");
        Map<String, Object> body = new LinkedHashMap<>(facts);
        body.put("provider", providerId);
        body.put("upstreamModel", name);
        body.put("version", "1");
        body.put("enabled", true);
        Map<String, Object> prices = new LinkedHashMap<>();
        prices.put("inputPerMillion", price.input());
        if (price.cachedInput() != null) {
            prices.put("cachedInputPerMillion", price.cachedInput());
        }
        prices.put("outputPerMillion", price.output());
        body.put("price", prices);
        body.put("fallbacks", Stream.of(fallbacks).map(Deployment::model).toList());
        routing.expect("PUT", "/api/v1/models/" + name, body, 200, 201);
        created.push("/api/v1/models/" + name);
        modelBodies.put(name, body);
        return new Deployment(name, providerId, price);
    }

    /** Replaces the model's fallbacks, everything else as registered; answers what the admin API said. */
    AdminApi.Response changeFallbacks(Deployment deployment, Deployment... fallbacks) {
        Map<String, Object> body = new LinkedHashMap<>(modelBodies.get(deployment.model()));
        body.put("fallbacks", Stream.of(fallbacks).map(Deployment::model).toList());
        return routing.send("PUT", "/api/v1/models/" + deployment.model(), body);
    }

    /** A route rule at a position no other test uses; {@code rule} holds everything but the position. */
    void route(String name, Map<String, Object> rule) {
        Map<String, Object> body = new LinkedHashMap<>(rule);
        body.put("position", ThreadLocalRandom.current().nextInt(100_000, 900_000));
        routing.expect("PUT", "/api/v1/routes/" + name, body, 200, 201);
        created.push("/api/v1/routes/" + name);
    }

    /** A name no other test run uses, e.g. {@code r5-breaker-m-3f9a0c1d}. */
    String uniqueName(String kind) {
        return purpose + "-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Makes the mock answer requests for the deployment's model with {@code spec}, e.g. {@code status=503;times=1}. */
    void fault(Deployment deployment, String spec) {
        suite.mockProvider().faults().set(deployment.upstream(), spec);
    }

    void clearFault(Deployment deployment) {
        suite.mockProvider().faults().clear(deployment.upstream());
    }

    /** Requests for the deployment's model the mock has received so far (names are unique, so all were ours). */
    long callsTo(Deployment deployment) {
        return suite.mockProvider().ledger().received().stream()
                .filter(received -> received.body().contains("\"" + deployment.upstream() + "\"")
                        || received.uri().contains("/" + deployment.upstream() + ":"))
                .count();
    }

    /** What the mock generated for the edge's request {@code requestId} on this deployment. */
    Generation generation(String requestId, Deployment deployment) {
        List<Generation> matches = suite.mockProvider().ledger().generations(generation ->
                Objects.equals(generation.correlationId(), requestId)
                        && generation.model().equals(deployment.upstream()));
        if (matches.isEmpty()) {
            throw new AssertionError("the mock generated nothing for " + requestId + " on " + deployment.id());
        }
        return matches.get(matches.size() - 1);
    }

    /** The request's usage row, checked to bill {@code by}'s answer once: its tokens, at its price. */
    Map<String, Object> billedRow(HttpResponse<String> response, Deployment by) throws Exception {
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        Generation served = generation(requestId, by);
        Map<String, Object> row = UsageRows.await(suite, requestId);
        assertThat(row).containsEntry("status", 200)
                .containsEntry("provider_id", by.providerId())
                .containsEntry("served_model", by.upstream())
                .containsEntry("input_tokens", (long) served.promptTokens())
                .containsEntry("output_tokens", (long) served.completionTokens());
        assertThat((BigDecimal) row.get("cost")).as("%s's tokens at its price", by.id())
                .isEqualByComparingTo(by.price().cost(served.promptTokens(), served.completionTokens()));
        return row;
    }

    /**
     * Sends {@code call} until the edge knows the model it asks for, and answers the first response that is not
     * the edge's own 404. A new model reaches the edge within a registry poll; until then its 404 never reaches the
     * mock, so the faults set for {@code primary} are still untouched when the call gets through.
     */
    HttpResponse<String> awaitRouted(Deployment primary, Call call) throws Exception {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (true) {
            HttpResponse<String> response = call.send();
            if (response.statusCode() != 404 || callsTo(primary) > 0) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(primary.model() + " still unknown to the edge after " + VISIBLE_WITHIN
                        + ": " + response.body());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        modelBodies.keySet().forEach(suite.mockProvider().faults()::clear);
        while (!created.isEmpty()) {
            routing.send("DELETE", created.pop(), null);
        }
    }

    private static String credentialOf(String type) {
        return switch (type) {
            case "openai" -> "MOCK_OPENAI_KEY";
            case "anthropic" -> "MOCK_ANTHROPIC_KEY";
            case "gemini" -> "MOCK_GEMINI_KEY";
            default -> throw new IllegalArgumentException("the mock impersonates no provider of type " + type);
        };
    }
}
