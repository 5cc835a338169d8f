package dev.switchboard.quota.alert;

import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.contracts.quota.BudgetAlert;
import dev.switchboard.contracts.quota.QuotaTopics;
import dev.switchboard.quota.budget.Budget;
import dev.switchboard.contracts.quota.BudgetPeriod;
import dev.switchboard.quota.counter.CounterKeys;
import dev.switchboard.quota.counter.NanoUnits;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a {@link BudgetAlert} the first time a budget's period goes past its soft threshold. "First" is decided
 * in Redis (SET NX per budget counter), so every instance together sends one alert per budget and period. Sending
 * is asynchronous: a slow or absent broker never delays an admission; a lost alert is logged.
 */
@Component
public class BudgetAlerts {

    private static final Logger log = LoggerFactory.getLogger(BudgetAlerts.class);

    private final StringRedisTemplate redis;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final MeterRegistry meters;
    /** Budget periods this instance already saw alerted: later admissions past the threshold skip Redis. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Executor sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "budget-alerts");
        thread.setDaemon(true);
        return thread;
    });

    BudgetAlerts(StringRedisTemplate redis, KafkaTemplate<String, String> kafka, JsonMapper json,
                 MeterRegistry meters) {
        this.redis = redis;
        this.kafka = kafka;
        this.json = json;
        this.meters = meters;
    }

    /** Called for every admission that leaves a budget at or past its soft threshold. */
    public void crossed(Budget budget, String counterKey, BudgetPeriod period, long usedUnits,
                        AdmissionRequest request, Instant now) {
        if (known.contains(counterKey)) {
            return;
        }
        try {
            long ttl = Math.max(1000, Duration.between(now, period.counterExpiry()).toMillis());
            Boolean first = redis.opsForValue().setIfAbsent(CounterKeys.alerted(counterKey), request.requestId(),
                    ttl, TimeUnit.MILLISECONDS);
            if (Boolean.TRUE.equals(first)) {
                publish(budget, period, usedUnits, request, now);
            }
            if (known.size() > 100_000) {
                known.clear(); // old periods' keys; at worst one more SET NX each
            }
            known.add(counterKey);
        } catch (DataAccessException e) {
            log.warn("Could not record the soft-threshold alert of {} budget {}: {}", budget.kind(), budget.scope(),
                    e.getMessage());
        }
    }

    private void publish(Budget budget, BudgetPeriod period, long usedUnits, AdmissionRequest request, Instant now) {
        BigDecimal used = "money".equals(budget.kind()) ? NanoUnits.toAmount(usedUnits) : BigDecimal.valueOf(usedUnits);
        String alertId = budget.scope() + "/" + budget.kind() + "/" + budget.period() + "/" + period.start();
        BudgetAlert alert = new BudgetAlert(alertId, now, budget.scope(), budget.kind(), budget.period(),
                period.start(), budget.softThreshold(), budget.hardLimit(), used, budget.currency(),
                request.requestId(), request.keyId(), request.teamId());
        String message = json.writeValueAsString(alert);
        // a send may block for metadata while the broker is away: never on the admission's thread
        CompletableFuture.supplyAsync(() -> kafka.send(QuotaTopics.BUDGET_ALERTS_V1, budget.scope(), message), sender)
                .thenCompose(sent -> sent)
                .whenComplete((result, failure) -> {
                    meters.counter("switchboard.quota.budget.alerts", "outcome", failure == null ? "sent" : "failed")
                            .increment();
                    if (failure != null) {
                        log.warn("Could not publish budget alert {}: {}", alertId, failure.getMessage());
                    } else {
                        log.info("Budget {} passed its soft threshold ({} of {})", alertId, used,
                                budget.softThreshold());
                    }
                });
    }
}
