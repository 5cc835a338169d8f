package dev.switchboard.edge.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiErrorMapperTests {

    private final GeminiAdapter adapter = new GeminiAdapter(GeminiFixtures.JSON);

    private GatewayException map(int status, String fixture) {
        return adapter.error(status, new DefaultHttpHeaders(), GeminiFixtures.bytes(fixture));
    }

    private static void assertKind(GatewayException error, ErrorKind kind) {
        assertThat(error.status()).isEqualTo(kind.status());
        assertThat(error.type()).isEqualTo(kind.type());
        assertThat(error.code()).isEqualTo(kind.code());
    }

    @ParameterizedTest
    @CsvSource({
            "400, error-invalid-argument.json, INVALID_REQUEST",
            "400, error-context-length.json, CONTEXT_LENGTH",
            "400, error-location-unsupported.json, INVALID_REQUEST",
            "404, error-not-found.json, NOT_FOUND",
            "429, error-rate-limit-plain.json, RATE_LIMIT",
            "500, error-internal.json, SERVER_ERROR",
            "503, error-unavailable.json, OVERLOADED",
            "504, error-deadline-exceeded.json, TIMEOUT"})
    void classifiesByRpcStatusAndKeepsTheProviderMessage(int status, String fixture, ErrorKind kind) {
        GatewayException error = map(status, fixture);

        assertKind(error, kind);
        assertThat(error.getMessage()).isEqualTo(GeminiFixtures.json(fixture).path("error").path("message")
                .stringValue());
    }

    @Test
    void aBadKeyIsAnAuthenticationErrorWithAFixedMessage() {
        GatewayException error = map(400, "error-api-key-invalid.json");

        assertKind(error, ErrorKind.AUTHENTICATION);
        assertThat(error.getMessage()).isEqualTo(GeminiErrorMapper.AUTHENTICATION_MESSAGE).doesNotContain("API key");
    }

    @Test
    void aPermissionDenialUsesAFixedMessage() {
        GatewayException error = map(403, "error-permission-denied.json");

        assertKind(error, ErrorKind.PERMISSION);
        assertThat(error.getMessage()).isEqualTo(GeminiErrorMapper.PERMISSION_MESSAGE);
    }

    @Test
    void rateLimitTakesItsDelayFromRetryInfo() {
        GatewayException error = map(429, "error-rate-limit.json");

        assertKind(error, ErrorKind.RATE_LIMIT);
        assertThat(error.retryAfterSeconds()).isEqualTo(26);
        assertThat(error.getMessage()).startsWith("You exceeded your current quota");
    }

    @Test
    void aFractionalRetryDelayRoundsUp() {
        String body = "{\"error\":{\"code\":429,\"message\":\"slow down\",\"status\":\"RESOURCE_EXHAUSTED\","
                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"6.72s\"}]}}";

        GatewayException error = adapter.error(429, new DefaultHttpHeaders(), body.getBytes(StandardCharsets.UTF_8));

        assertThat(error.retryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void withoutRetryInfoTheRetryAfterHeaderCounts() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Retry-After", "12");

        GatewayException error = adapter.error(429, headers, GeminiFixtures.bytes("error-rate-limit-plain.json"));

        assertThat(error.retryAfterSeconds()).isEqualTo(12);
    }

    @Test
    void aBodyThatIsNotGoogleJsonFallsBackToTheHttpStatus() {
        GatewayException error = adapter.error(502, new DefaultHttpHeaders(),
                "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));

        assertKind(error, ErrorKind.SERVER_ERROR);
        assertThat(error.getMessage()).contains("502");
    }

    @Test
    void anErrorWrappedInAJsonArrayIsRead() {
        String body = "[{\"error\":{\"code\":429,\"message\":\"Resource exhausted.\",\"status\":\"RESOURCE_EXHAUSTED\"}}]";

        GatewayException error = adapter.error(429, new DefaultHttpHeaders(), body.getBytes(StandardCharsets.UTF_8));

        assertKind(error, ErrorKind.RATE_LIMIT);
        assertThat(error.getMessage()).isEqualTo("Resource exhausted.");
    }

    @Test
    void anUnauthenticatedStatusIsAnAuthenticationError() {
        String body = "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials: AIza...\","
                + "\"status\":\"UNAUTHENTICATED\"}}";

        GatewayException error = adapter.error(401, new DefaultHttpHeaders(), body.getBytes(StandardCharsets.UTF_8));

        assertKind(error, ErrorKind.AUTHENTICATION);
        assertThat(error.getMessage()).doesNotContain("AIza");
    }
}
