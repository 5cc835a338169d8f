package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.ProviderTimeouts;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderCallsTests {

    private static final UpstreamProperties DEFAULTS = new UpstreamProperties(10, Duration.ofSeconds(5),
            Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofSeconds(600), Duration.ofSeconds(60));

    private static RouteCandidate candidate(ProviderTimeouts timeouts) {
        return new RouteCandidate("local-llm", "openai-compatible", "http://localhost:11434/v1", null, "llama",
                "llama", "1", null, null, timeouts);
    }

    @Test
    void aProvidersOwnTotalTimeoutSetsTheCallsDeadline() {
        ProviderCalls calls = new ProviderCalls(null, null, DEFAULTS);

        long before = System.nanoTime();
        long own = calls.deadline(candidate(new ProviderTimeouts(null, null, null, 1_500L))) - before;
        long edge = calls.deadline(candidate(ProviderTimeouts.DEFAULTS)) - before;

        assertThat(own).isBetween(Duration.ofMillis(1_500).toNanos(), Duration.ofMillis(2_500).toNanos());
        assertThat(edge).isGreaterThanOrEqualTo(Duration.ofSeconds(600).toNanos());
    }

    @Test
    void redactsACredentialTheProviderEchoed() {
        GatewayException echoed = new GatewayException(400, "invalid_request_error", null, "model",
                "Bad request for key sk-secret-123 on model x", 3);

        GatewayException shown = ProviderCalls.redacted(echoed, "sk-secret-123");

        assertThat(shown.getMessage()).isEqualTo("Bad request for key [redacted] on model x");
        assertThat(shown.status()).isEqualTo(400);
        assertThat(shown.param()).isEqualTo("model");
        assertThat(shown.retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void leavesOtherMessagesAlone() {
        GatewayException plain = new GatewayException(429, "rate_limit_error", null, null, "Slow down", 1);

        assertThat(ProviderCalls.redacted(plain, "sk-secret-123")).isSameAs(plain);
        assertThat(ProviderCalls.redacted(plain, null)).isSameAs(plain);
    }
}
