package dev.switchboard.mockprovider.fault;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What to break in one response. Every field is nullable: null means "not set", so a per-request header can
 * override just the keys it names on top of a per-model rule.
 *
 * <p>Text form (header {@code x-mock-fault} and {@link FaultRules#set(String, String)}): semicolon-separated
 * {@code key=value} pairs, e.g. {@code status=429;retry-after=3} or
 * {@code disconnect-after-chunks=5;chunk-delay-ms=20}.
 *
 * @param status                HTTP status to answer with, in the vendor's error shape
 * @param retryAfterSeconds     {@code Retry-After} value; sent on 429 (default 1) and on any status when set explicitly
 * @param latencyMs             delay before the response headers
 * @param firstTokenDelayMs     delay before the first content chunk
 * @param chunkDelayMs          delay before each later content chunk
 * @param disconnectAfterChunks close the connection abruptly after this many content chunks, with no terminator
 * @param hang                  never answer
 * @param malformedChunkAt      insert an event with broken JSON as the n-th (1-based) event of a stream
 * @param omitUsage             leave usage out of the response (and skip the usage chunk even when requested)
 * @param times                 for model rules: apply to the next n requests only, then drop the rule; null = forever
 * @param cachedTokens          report this many prompt tokens (at most all of them) as read from the provider's
 *                              prompt cache, in the vendor's own fields; not a fault, a usage shape on demand
 * @param reasoningTokens       report this many hidden reasoning/thinking tokens on top of the answer's tokens, in
 *                              the vendor's own fields
 */
public record Fault(Integer status, Integer retryAfterSeconds, Long latencyMs, Long firstTokenDelayMs,
                    Long chunkDelayMs, Integer disconnectAfterChunks, Boolean hang, Integer malformedChunkAt,
                    Boolean omitUsage, Integer times, Integer cachedTokens, Integer reasoningTokens) {

    /** No fault at all. */
    public static final Fault NONE = new Fault(null, null, null, null, null, null, null, null, null, null, null,
            null);

    /** A fault without a reported usage shape. */
    public Fault(Integer status, Integer retryAfterSeconds, Long latencyMs, Long firstTokenDelayMs, Long chunkDelayMs,
                 Integer disconnectAfterChunks, Boolean hang, Integer malformedChunkAt, Boolean omitUsage,
                 Integer times) {
        this(status, retryAfterSeconds, latencyMs, firstTokenDelayMs, chunkDelayMs, disconnectAfterChunks, hang,
                malformedChunkAt, omitUsage, times, null, null);
    }

    /** Parses the header syntax; blank means {@link #NONE}. */
    public static Fault parse(String spec) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (spec != null) {
            for (String part : spec.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("fault entry '" + part.trim() + "' is not key=value");
                }
                pairs.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return fromMap(pairs);
    }

    /** Builds a fault from already separated keys and values (the admin endpoint's JSON object). */
    public static Fault fromMap(Map<String, String> pairs) {
        Integer status = null;
        Integer retryAfter = null;
        Long latency = null;
        Long firstToken = null;
        Long chunkDelay = null;
        Integer disconnect = null;
        Boolean hang = null;
        Integer malformed = null;
        Boolean omitUsage = null;
        Integer times = null;
        Integer cached = null;
        Integer reasoning = null;
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue();
            switch (key) {
                case "status" -> status = intIn(key, value, 100, 599);
                case "retry-after" -> retryAfter = intIn(key, value, 0, Integer.MAX_VALUE);
                case "latency-ms" -> latency = millis(key, value);
                case "first-token-delay-ms" -> firstToken = millis(key, value);
                case "chunk-delay-ms" -> chunkDelay = millis(key, value);
                case "disconnect-after-chunks" -> disconnect = intIn(key, value, 0, Integer.MAX_VALUE);
                case "hang" -> hang = bool(key, value);
                case "malformed-chunk-at" -> malformed = intIn(key, value, 1, Integer.MAX_VALUE);
                case "omit-usage" -> omitUsage = bool(key, value);
                case "times" -> times = intIn(key, value, 1, Integer.MAX_VALUE);
                case "cached-tokens" -> cached = intIn(key, value, 0, Integer.MAX_VALUE);
                case "reasoning-tokens" -> reasoning = intIn(key, value, 0, Integer.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown fault key '" + e.getKey() + "'");
            }
        }
        return new Fault(status, retryAfter, latency, firstToken, chunkDelay, disconnect, hang, malformed, omitUsage,
                times, cached, reasoning);
    }

    /** This fault with the keys set in {@code override} replacing ours. */
    public Fault overriddenBy(Fault override) {
        return new Fault(
                pick(override.status, status),
                pick(override.retryAfterSeconds, retryAfterSeconds),
                pick(override.latencyMs, latencyMs),
                pick(override.firstTokenDelayMs, firstTokenDelayMs),
                pick(override.chunkDelayMs, chunkDelayMs),
                pick(override.disconnectAfterChunks, disconnectAfterChunks),
                pick(override.hang, hang),
                pick(override.malformedChunkAt, malformedChunkAt),
                pick(override.omitUsage, omitUsage),
                pick(override.times, times),
                pick(override.cachedTokens, cachedTokens),
                pick(override.reasoningTokens, reasoningTokens));
    }

    public Fault withTimes(int n) {
        return new Fault(status, retryAfterSeconds, latencyMs, firstTokenDelayMs, chunkDelayMs, disconnectAfterChunks,
                hang, malformedChunkAt, omitUsage, n, cachedTokens, reasoningTokens);
    }

    /** Prompt tokens to report as cache reads: as asked, but never more than the prompt has. */
    public int cachedTokensOf(int promptTokens) {
        return cachedTokens == null ? 0 : Math.min(cachedTokens, promptTokens);
    }

    public int reasoning() {
        return reasoningTokens == null ? 0 : reasoningTokens;
    }

    public long latency() {
        return latencyMs == null ? 0 : latencyMs;
    }

    public long firstTokenDelay() {
        return firstTokenDelayMs == null ? 0 : firstTokenDelayMs;
    }

    public long chunkDelay() {
        return chunkDelayMs == null ? 0 : chunkDelayMs;
    }

    public boolean hangs() {
        return Boolean.TRUE.equals(hang);
    }

    public boolean omitsUsage() {
        return Boolean.TRUE.equals(omitUsage);
    }

    /** Retry-After seconds to send with the given status, or null for none. */
    public Integer retryAfterFor(int httpStatus) {
        if (retryAfterSeconds != null) {
            return retryAfterSeconds;
        }
        return httpStatus == 429 ? 1 : null;
    }

    /** Back to the header syntax, listing only the keys that are set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb, "status", status);
        append(sb, "retry-after", retryAfterSeconds);
        append(sb, "latency-ms", latencyMs);
        append(sb, "first-token-delay-ms", firstTokenDelayMs);
        append(sb, "chunk-delay-ms", chunkDelayMs);
        append(sb, "disconnect-after-chunks", disconnectAfterChunks);
        append(sb, "hang", hang);
        append(sb, "malformed-chunk-at", malformedChunkAt);
        append(sb, "omit-usage", omitUsage);
        append(sb, "times", times);
        append(sb, "cached-tokens", cachedTokens);
        append(sb, "reasoning-tokens", reasoningTokens);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String key, Object value) {
        if (value != null) {
            sb.append(sb.isEmpty() ? "" : ";").append(key).append('=').append(value);
        }
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static int intIn(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'");
        }
    }

    private static long millis(String key, String value) {
        return intIn(key, value, 0, Integer.MAX_VALUE);
    }

    private static boolean bool(String key, String value) {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
    }
}
