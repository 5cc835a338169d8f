package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.api.GatewayException;
import org.junit.jupiter.api.Test;

class ProviderCallsTests {

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
