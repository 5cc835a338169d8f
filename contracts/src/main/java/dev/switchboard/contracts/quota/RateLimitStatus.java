package dev.switchboard.contracts.quota;

/**
 * The tightest request and token limits that applied to one admission, for the {@code x-ratelimit-*} headers
 * (OpenAI's names). A null triple means no such limit covers the key.
 *
 * @param resetRequestsMillis time until the request window that gave {@code remainingRequests} ends
 * @param resetTokensMillis   time until the token window that gave {@code remainingTokens} ends
 */
public record RateLimitStatus(Long limitRequests, Long remainingRequests, Long resetRequestsMillis,
                              Long limitTokens, Long remainingTokens, Long resetTokensMillis) {

    public static final RateLimitStatus NONE = new RateLimitStatus(null, null, null, null, null, null);
}
