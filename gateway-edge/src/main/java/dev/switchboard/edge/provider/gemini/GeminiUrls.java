package dev.switchboard.edge.provider.gemini;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import java.nio.charset.StandardCharsets;

/**
 * The Gemini endpoints under a provider's base URL (the host root, as {@code google-genai} takes it). The model id
 * becomes one path segment, so an id that could step out of {@code /v1beta/models/} is refused rather than encoded.
 */
final class GeminiUrls {

    private static final String RESOURCE_PREFIX = "models/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private GeminiUrls() {
    }

    static String generateContent(RouteCandidate candidate) {
        return modelUrl(candidate) + ":generateContent";
    }

    static String streamGenerateContent(RouteCandidate candidate) {
        return modelUrl(candidate) + ":streamGenerateContent?alt=sse";
    }

    static String batchEmbedContents(RouteCandidate candidate) {
        return modelUrl(candidate) + ":batchEmbedContents";
    }

    /** The model's resource name, as request bodies name it ({@code models/{model}}). */
    static String resourceName(RouteCandidate candidate) {
        return RESOURCE_PREFIX + modelId(candidate);
    }

    private static String modelUrl(RouteCandidate candidate) {
        String base = candidate.baseUrl();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/v1beta/models/" + encodeSegment(modelId(candidate));
    }

    /** The registry's model id, accepted with or without Gemini's {@code models/} prefix. */
    private static String modelId(RouteCandidate candidate) {
        String id = candidate.upstreamModel();
        if (id != null && id.startsWith(RESOURCE_PREFIX)) {
            id = id.substring(RESOURCE_PREFIX.length());
        }
        if (id == null || id.isBlank() || id.contains("/") || id.contains("?") || id.contains("#")
                || id.contains("..")) {
            throw GatewayException.invalidRequest("model", "Model '" + candidate.model()
                    + "' is mapped to a Gemini model id that cannot be used in a request URL.");
        }
        return id;
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters; ':' too, as it starts the method name. */
    private static String encodeSegment(String segment) {
        StringBuilder encoded = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }
}
