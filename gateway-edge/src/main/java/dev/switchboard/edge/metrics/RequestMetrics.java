package dev.switchboard.edge.metrics;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.usage.CacheOutcome;
import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.edge.usage.UsageObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records each request's metrics from its usage event, the facts the ledger bills: requests by status class,
 * errors by type, latency and (streams) time-to-first-token histograms, tokens by kind, cost, cache outcomes and
 * how the answer was reached, tagged by provider, model and team.
 *
 * <p>It runs on the thread that ends the request, usually a Netty event loop, so after a tuple's first request it
 * only reads three nested maps (keyed by strings whose hashes are cached) and bumps meters. Provider and model come
 * from the registry's plan, never from the client; a request that reached no deployment is tagged {@code none}.
 */
@Component
class RequestMetrics implements UsageObserver {

    static final String NONE = "none";

    private static final Logger log = LoggerFactory.getLogger(RequestMetrics.class);

    private final MeterRegistry registry;
    private final TeamTags teams;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, ConcurrentHashMap<String, RequestMeters>>>
            byProvider = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry, TeamTags teams) {
        this.registry = registry;
        this.teams = teams;
    }

    /** Never throws: the same event still has to be published and billed. */
    @Override
    public void observe(UsageEvent event) {
        try {
            record(event);
        } catch (RuntimeException e) {
            if (failureLogged.compareAndSet(false, true)) {
                log.warn("Could not record the metrics of request {}; later failures are not logged",
                        event.requestId(), e);
            }
        }
    }

    private void record(UsageEvent event) {
        RequestMeters meters = meters(orNone(event.providerId()), orNone(event.servedModel()),
                teams.of(event.teamId()));
        int statusClass = event.status() / 100;
        meters.request(statusClass >= 1 && statusClass <= 5 ? statusClass : 5);
        if (event.errorType() != null) {
            meters.error(ErrorTypes.of(event.errorType()));
        }
        meters.latency(event.latencyMillis());
        if (event.stream() && event.timeToFirstTokenMillis() != null) {
            meters.timeToFirstToken(event.timeToFirstTokenMillis());
        }
        meters.tokens(RequestMeters.INPUT, event.inputTokens());
        meters.tokens(RequestMeters.CACHED_INPUT, event.cachedInputTokens());
        meters.tokens(RequestMeters.OUTPUT, event.outputTokens());
        meters.tokens(RequestMeters.REASONING, event.reasoningTokens());
        recordCost(meters, event);
        int cache = cacheOutcome(event.cacheOutcome());
        if (cache >= 0) {
            meters.cache(cache);
        }
        int served = servedBy(event.servedBy());
        if (served >= 0) {
            meters.served(served);
        }
    }

    /** A double sum drifts in the last digits over millions of requests: fine for a graph, never for a bill. */
    private static void recordCost(RequestMeters meters, UsageEvent event) {
        BigDecimal cost = event.cost();
        String currency = event.price() == null ? ModelPrice.DEFAULT_CURRENCY : event.price().currency();
        if (cost != null && cost.signum() > 0) {
            meters.cost(currency, cost.doubleValue());
        }
        if (CacheOutcome.isHit(event.cacheOutcome())) {
            BigDecimal saved = CacheOutcome.saved(event.cacheOutcome(), event.price(), event.inputTokens(),
                    event.cachedInputTokens(), event.outputTokens());
            if (saved != null && saved.signum() > 0) {
                meters.cacheSaved(currency, saved.doubleValue());
            }
        }
    }

    private RequestMeters meters(String provider, String model, String team) {
        ConcurrentHashMap<String, ConcurrentHashMap<String, RequestMeters>> byModel = byProvider.get(provider);
        if (byModel == null) {
            byModel = byProvider.computeIfAbsent(provider, key -> new ConcurrentHashMap<>());
        }
        ConcurrentHashMap<String, RequestMeters> byTeam = byModel.get(model);
        if (byTeam == null) {
            byTeam = byModel.computeIfAbsent(model, key -> new ConcurrentHashMap<>());
        }
        RequestMeters meters = byTeam.get(team);
        if (meters == null) {
            meters = byTeam.computeIfAbsent(team, key -> new RequestMeters(registry, provider, model, team));
        }
        return meters;
    }

    /** Index into {@link RequestMeters#CACHE_OUTCOMES}; -1 for {@code none}: the request was not a cache candidate. */
    private static int cacheOutcome(String outcome) {
        if (outcome == null) {
            return -1;
        }
        return switch (outcome) {
            case CacheOutcome.HIT -> 0;
            case CacheOutcome.SEMANTIC_HIT -> 1;
            case CacheOutcome.MISS -> 2;
            default -> -1;
        };
    }

    /** Index into {@link RequestMeters#SERVED_BY}; -1 when no provider answered. */
    private static int servedBy(String how) {
        if (how == null) {
            return -1;
        }
        return switch (how) {
            case "primary" -> 0;
            case "retry" -> 1;
            case "fallback" -> 2;
            case "hedge" -> 3;
            default -> -1;
        };
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}
