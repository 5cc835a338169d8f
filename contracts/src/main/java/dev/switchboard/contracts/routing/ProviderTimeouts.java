package dev.switchboard.contracts.routing;

/**
 * A provider deployment's own timeouts in milliseconds, from the registry. A null field means "the edge's
 * default" ({@code switchboard.upstream.*}), so slow local servers and fast hosted APIs can differ.
 */
public record ProviderTimeouts(Long connectMillis, Long firstTokenMillis, Long idleMillis, Long totalMillis) {

    public static final ProviderTimeouts DEFAULTS = new ProviderTimeouts(null, null, null, null);
}
