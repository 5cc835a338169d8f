package dev.switchboard.edge.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.RateLimitStatus;
import dev.switchboard.edge.api.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

class AdmissionRefusalTests {

    private static final RateLimitStatus LIMITS = new RateLimitStatus(60L, 0L, 12_000L, 10_000L, 400L, 6_000L);

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "key_unknown,         401, authentication_error,  invalid_api_key,      -,          0",
            "key_revoked,         401, authentication_error,  invalid_api_key,      -,          0",
            "model_not_allowed,   403, permission_error,      model_not_allowed,    model,      0",
            "model_not_priced,    403, permission_error,      model_not_priced,     model,      0",
            "max_tokens_exceeded, 400, invalid_request_error, max_tokens_exceeded,  max_tokens, 0",
            "rate_limit_exceeded, 429, rate_limit_error,      rate_limit_exceeded,  -,          12",
            "budget_exceeded,     429, insufficient_quota,    budget_exceeded,      -,          12"})
    void showsEachRefusalAsOpenAiShowsIt(String reason, int status, String type, String code, String param,
                                         long retryAfter) {
        GatewayException shown = AdmissionRefusal.of(refused(reason, 12, "Limit 'team-a rpm' reached."));

        assertThat(shown.status()).isEqualTo(status);
        assertThat(shown.type()).isEqualTo(type);
        assertThat(shown.code()).isEqualTo(code);
        assertThat(shown.param()).isEqualTo(param);
        assertThat(shown.retryAfterSeconds()).isEqualTo(retryAfter);
    }

    @Test
    void showsQuotaServicesMessage() {
        assertThat(AdmissionRefusal.of(refused("budget_exceeded", 0, "Team monthly budget of 100 USD is spent."))
                .getMessage()).isEqualTo("Team monthly budget of 100 USD is spent.");
        assertThat(AdmissionRefusal.of(refused("model_not_allowed", 0, null)).getMessage())
                .isEqualTo("This key may not use the requested model.");
    }

    @Test
    void asksEveryRateLimitedClientToComeBackAfterAtLeastOneSecond() {
        assertThat(AdmissionRefusal.of(refused("rate_limit_exceeded", 0, null)).retryAfterSeconds()).isEqualTo(1);
        assertThat(AdmissionRefusal.of(refused("budget_exceeded", 0, null)).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void carriesTheRateLimitHeadersOnlyOnA429() {
        HttpHeaders limited = new HttpHeaders();
        HttpHeaders forbidden = new HttpHeaders();

        AdmissionRefusal.of(refused("rate_limit_exceeded", 12, null)).headers(limited);
        AdmissionRefusal.of(refused("model_not_allowed", 0, null)).headers(forbidden);

        assertThat(limited.getFirst("x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(limited.getFirst("x-ratelimit-reset-requests")).isEqualTo("12s");
        assertThat(limited.getFirst("x-ratelimit-reset-tokens")).isEqualTo("6s");
        assertThat(forbidden.isEmpty()).isTrue();
    }

    private static AdmissionDecision refused(String reason, long retryAfter, String message) {
        return new AdmissionDecision(false, null, reason, retryAfter, 0, message, LIMITS, null, null);
    }
}
