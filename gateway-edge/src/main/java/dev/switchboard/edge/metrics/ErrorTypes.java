package dev.switchboard.edge.metrics;

import java.util.Set;

/**
 * Error types as a tag value. Most come from the edge's own taxonomy, but a provider's in-stream error passes its
 * own {@code type} through, so anything outside the known set is tagged {@value #OTHER} rather than trusted as a
 * bounded value.
 */
final class ErrorTypes {

    static final String OTHER = "other";

    private static final Set<String> KNOWN = Set.of(
            // the OpenAI-shaped types the edge answers with (api.ErrorKind, quota refusals, provider mappers)
            "invalid_request_error", "authentication_error", "permission_error", "not_found_error",
            "rate_limit_error", "insufficient_quota", "billing_error", "api_error", "server_error",
            "service_unavailable_error", "overloaded_error", "timeout_error",
            // codes a broken stream records instead of a type
            "client_closed", "provider_stream_error", "provider_bad_response", "provider_invalid_response",
            "provider_unreachable", "provider_auth_failed", "providers_unavailable", "timeout", "overloaded",
            "context_length_exceeded", "content_filter", "rate_limit_exceeded", "service_unavailable");

    private ErrorTypes() {
    }

    static String of(String errorType) {
        return KNOWN.contains(errorType) ? errorType : OTHER;
    }
}
