package dev.switchboard.edge.api;

import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.RateLimitStatus;
import org.springframework.http.HttpHeaders;

/**
 * Writes what admission said about the key's limits as OpenAI's {@code x-ratelimit-*} response headers
 * (https://platform.openai.com/docs/guides/rate-limits#rate-limits-in-headers), and a budget past its soft
 * threshold as {@code x-switchboard-budget-warning}. A limit that does not cover the key has no header.
 */
public final class RateLimitHeaders {

    public static final String LIMIT_REQUESTS = "x-ratelimit-limit-requests";
    public static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
    public static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
    public static final String LIMIT_TOKENS = "x-ratelimit-limit-tokens";
    public static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
    public static final String RESET_TOKENS = "x-ratelimit-reset-tokens";
    public static final String BUDGET_WARNING = "x-switchboard-budget-warning";

    private RateLimitHeaders() {
    }

    /** Adds the decision's headers; does nothing, and allocates nothing, for a key no limit or warning covers. */
    public static void write(HttpHeaders headers, AdmissionDecision decision) {
        if (decision == null) {
            return;
        }
        RateLimitStatus limits = decision.rateLimits();
        if (limits != RateLimitStatus.NONE) {
            count(headers, LIMIT_REQUESTS, limits.limitRequests());
            count(headers, REMAINING_REQUESTS, limits.remainingRequests());
            duration(headers, RESET_REQUESTS, limits.resetRequestsMillis());
            count(headers, LIMIT_TOKENS, limits.limitTokens());
            count(headers, REMAINING_TOKENS, limits.remainingTokens());
            duration(headers, RESET_TOKENS, limits.resetTokensMillis());
        }
        if (decision.budgetWarning() != null) {
            headers.set(BUDGET_WARNING, decision.budgetWarning());
        }
    }

    private static void count(HttpHeaders headers, String name, Long value) {
        if (value != null) {
            headers.set(name, Long.toString(value));
        }
    }

    private static void duration(HttpHeaders headers, String name, Long millis) {
        if (millis != null) {
            headers.set(name, duration(millis));
        }
    }

    /**
     * A duration the way OpenAI writes its reset headers (Go's {@code time.Duration} format): {@code 250ms} below a
     * second, else hours, minutes and seconds with the milliseconds as a fraction: {@code 1s}, {@code 1.5s},
     * {@code 6m0s}, {@code 1h0m0s}.
     */
    static String duration(long millis) {
        if (millis <= 0) {
            return "0s";
        }
        if (millis < 1_000) {
            return millis + "ms";
        }
        StringBuilder text = new StringBuilder(12);
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        text.append(millis / 1_000 % 60);
        long fraction = millis % 1_000;
        if (fraction > 0) {
            String digits = Long.toString(1_000 + fraction).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.append('s').toString();
    }
}
