package dev.switchboard.contracts.routing;

/**
 * One provider deployment that can serve a request.
 *
 * @param providerId    registry id of the provider deployment, e.g. {@code openai-main}
 * @param providerType  wire format spoken upstream: {@code openai}, {@code anthropic}, {@code gemini}, {@code openai-compatible}
 * @param baseUrl       the provider's configured base URL; the only host its credential is ever sent to
 * @param credentialRef name of the setting (environment variable or mounted secret) that holds the provider key; never the key
 * @param model         the registry's public model name
 * @param upstreamModel the name the provider knows the model by
 * @param modelVersion  the version that serves (cache scope and price lookup)
 * @param capabilities  the model's capability facts; {@link ModelCapabilities#UNKNOWN} when not sent
 * @param timeouts      the provider deployment's own timeouts; {@link ProviderTimeouts#DEFAULTS} when not sent
 */
public record RouteCandidate(String providerId, String providerType, String baseUrl, String credentialRef,
                             String model, String upstreamModel, String modelVersion, ModelPrice price,
                             ModelCapabilities capabilities, ProviderTimeouts timeouts) {

    public RouteCandidate {
        capabilities = capabilities == null ? ModelCapabilities.UNKNOWN : capabilities;
        timeouts = timeouts == null ? ProviderTimeouts.DEFAULTS : timeouts;
    }

    public RouteCandidate(String providerId, String providerType, String baseUrl, String credentialRef,
                          String model, String upstreamModel, String modelVersion, ModelPrice price) {
        this(providerId, providerType, baseUrl, credentialRef, model, upstreamModel, modelVersion, price, null, null);
    }

    /** Names one deployment for latency statistics and circuit breakers: provider and upstream model. */
    public String deploymentId() {
        return deploymentId(providerId, upstreamModel);
    }

    /** The one spelling of a deployment id, shared by edges (which report by it) and routing (which ranks by it). */
    public static String deploymentId(String providerId, String upstreamModel) {
        return providerId + "/" + upstreamModel;
    }
}
