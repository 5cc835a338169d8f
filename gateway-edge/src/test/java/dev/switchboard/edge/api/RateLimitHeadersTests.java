package dev.switchboard.edge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.RateLimitStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RateLimitHeadersTests {

    @Test
    void writesResetTimesInOpenAisDurationFormat() {
        assertThat(RateLimitHeaders.duration(0)).isEqualTo("0s");
        assertThat(RateLimitHeaders.duration(250)).isEqualTo("250ms");
        assertThat(RateLimitHeaders.duration(1_000)).isEqualTo("1s");
        assertThat(RateLimitHeaders.duration(1_500)).isEqualTo("1.5s");
        assertThat(RateLimitHeaders.duration(8_640)).isEqualTo("8.64s");
        assertThat(RateLimitHeaders.duration(59_999)).isEqualTo("59.999s");
        assertThat(RateLimitHeaders.duration(360_000)).isEqualTo("6m0s");
        assertThat(RateLimitHeaders.duration(3_600_000)).isEqualTo("1h0m0s");
        assertThat(RateLimitHeaders.duration(3_723_050)).isEqualTo("1h2m3.05s");
    }

    @Test
    void writesEveryLimitThatCoversTheKeyAndNoOther() {
        HttpHeaders headers = new HttpHeaders();

        RateLimitHeaders.write(headers, decision(new RateLimitStatus(60L, 59L, 1_000L, null, null, null), null));

        assertThat(headers.toSingleValueMap()).containsOnly(
                java.util.Map.entry("x-ratelimit-limit-requests", "60"),
                java.util.Map.entry("x-ratelimit-remaining-requests", "59"),
                java.util.Map.entry("x-ratelimit-reset-requests", "1s"));
    }

    @Test
    void writesTheBudgetWarning() {
        HttpHeaders headers = new HttpHeaders();

        RateLimitHeaders.write(headers, decision(new RateLimitStatus(null, null, null, 1_000L, 0L, 250L),
                "team monthly money budget at 84% (soft threshold 80%)"));

        assertThat(headers.toSingleValueMap()).containsOnly(
                java.util.Map.entry("x-ratelimit-limit-tokens", "1000"),
                java.util.Map.entry("x-ratelimit-remaining-tokens", "0"),
                java.util.Map.entry("x-ratelimit-reset-tokens", "250ms"),
                java.util.Map.entry("x-switchboard-budget-warning",
                        "team monthly money budget at 84% (soft threshold 80%)"));
    }

    @Test
    void addsNothingWithoutLimitsOrWarning() {
        HttpHeaders headers = new HttpHeaders();

        RateLimitHeaders.write(headers, AdmissionDecision.admit("res-1", 10));
        RateLimitHeaders.write(headers, null);

        assertThat(headers.isEmpty()).isTrue();
    }

    private static AdmissionDecision decision(RateLimitStatus limits, String warning) {
        return new AdmissionDecision(true, "res-1", null, 0, 0, null, limits, warning, null);
    }
}
