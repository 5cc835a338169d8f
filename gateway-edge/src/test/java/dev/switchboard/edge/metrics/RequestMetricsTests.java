package dev.switchboard.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.usage.CacheOutcome;
import dev.switchboard.contracts.usage.UsageEvent;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestMetricsTests {

    private static final ModelPrice EUR_PRICE = new ModelPrice("p-1", new BigDecimal("2.50"), new BigDecimal("1.25"),
            new BigDecimal("10"), "EUR");
    private static final Map<String, String> GPT = Map.of("provider", "openai", "model", "gpt-4o-mini",
            "team", "team-a");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RequestMetrics metrics = new RequestMetrics(registry, new TeamTags(2));

    @Test
    void countsAServedRequestItsTokensCostAndHowItWasServed() {
        metrics.observe(served("team-a", false, 420L, null).build());

        PrometheusText scrape = scrape();
        assertThat(scrape.value("switchboard_edge_requests_total", with(GPT, "status", "2xx"))).isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_tokens_total", with(GPT, "kind", "input"))).isEqualTo(100);
        assertThat(scrape.value("switchboard_edge_tokens_total", with(GPT, "kind", "cached_input"))).isEqualTo(20);
        assertThat(scrape.value("switchboard_edge_tokens_total", with(GPT, "kind", "output"))).isEqualTo(50);
        assertThat(scrape.value("switchboard_edge_tokens_total", with(GPT, "kind", "reasoning"))).isEqualTo(10);
        assertThat(scrape.value("switchboard_edge_cost_total", with(GPT, "currency", "EUR"))).isEqualTo(0.00075);
        assertThat(scrape.value("switchboard_edge_served_total", with(GPT, "served_by", "fallback"))).isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_request_errors_total", Map.of())).isNaN();
        assertThat(scrape.value("switchboard_edge_time_to_first_token_seconds_count", Map.of())).isNaN();
    }

    @Test
    void latencyAndTimeToFirstTokenFallIntoBoundedHistogramBuckets() {
        metrics.observe(served("team-a", true, 420L, 180L).build());
        metrics.observe(served("team-a", true, 3_000L, 900L).build());

        PrometheusText scrape = scrape();
        assertThat(scrape.value("switchboard_edge_request_latency_seconds_bucket", with(GPT, "le", "0.5")))
                .isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_request_latency_seconds_bucket", with(GPT, "le", "5.0")))
                .isEqualTo(2);
        assertThat(scrape.value("switchboard_edge_request_latency_seconds_count", GPT)).isEqualTo(2);
        assertThat(scrape.value("switchboard_edge_time_to_first_token_seconds_bucket", with(GPT, "le", "0.2")))
                .isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_time_to_first_token_seconds_bucket", with(GPT, "le", "1.0")))
                .isEqualTo(2);
        assertThat(scrape.labelValues("switchboard_edge_request_latency_seconds_bucket", "le")).hasSize(13);
        assertThat(scrape.labelValues("switchboard_edge_time_to_first_token_seconds_bucket", "le")).hasSize(13);
    }

    @Test
    void countsErrorsByTypeAndFoldsTypesItDoesNotKnow() {
        metrics.observe(served("team-a", false, 30L, null).status(502).errorType("api_error").build());
        metrics.observe(served("team-a", true, 30L, 10L).status(200).errorType("vendor_says_" + UUID.randomUUID())
                .build());

        PrometheusText scrape = scrape();
        assertThat(scrape.value("switchboard_edge_request_errors_total", with(GPT, "type", "api_error")))
                .isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_request_errors_total", with(GPT, "type", "other"))).isEqualTo(1);
        assertThat(scrape.labelValues("switchboard_edge_request_errors_total", "type"))
                .containsExactly("api_error", "other");
        assertThat(scrape.value("switchboard_edge_requests_total", with(GPT, "status", "5xx"))).isEqualTo(1);
    }

    @Test
    void requestRefusedBeforeAnyDeploymentIsTaggedNone() {
        metrics.observe(new Event("team-a").status(429).errorType("insufficient_quota").build());

        PrometheusText scrape = scrape();
        Map<String, String> none = Map.of("provider", "none", "model", "none", "team", "team-a");
        assertThat(scrape.value("switchboard_edge_requests_total", with(none, "status", "4xx"))).isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_request_errors_total", with(none, "type", "insufficient_quota")))
                .isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_tokens_total", Map.of())).isNaN();
        assertThat(scrape.value("switchboard_edge_cost_total", Map.of())).isNaN();
    }

    @Test
    void cacheHitIsCountedWithTheCostItSaved() {
        metrics.observe(served("team-a", false, 5L, null).cacheOutcome(CacheOutcome.HIT).cost(BigDecimal.ZERO)
                .build());
        metrics.observe(served("team-a", false, 400L, null).cacheOutcome(CacheOutcome.MISS).build());

        PrometheusText scrape = scrape();
        assertThat(scrape.value("switchboard_edge_cache_requests_total", with(GPT, "outcome", "hit"))).isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_cache_requests_total", with(GPT, "outcome", "miss")))
                .isEqualTo(1);
        // 80 input at 2.50, 20 cached at 1.25 and 50 output at 10 per million
        assertThat(scrape.value("switchboard_edge_cache_saved_cost_total", with(GPT, "currency", "EUR")))
                .isEqualTo(0.000725);
        assertThat(scrape.value("switchboard_edge_cost_total", GPT)).isEqualTo(0.00075);
    }

    @Test
    void teamsPastTheCapShareTheOtherTag() {
        for (String team : List.of("team-a", "team-b", "team-c", "team-d", "team-a")) {
            metrics.observe(served(team, false, 10L, null).build());
        }

        PrometheusText scrape = scrape();
        assertThat(scrape.labelValues("switchboard_edge_requests_total", "team"))
                .containsExactly("other", "team-a", "team-b");
        assertThat(scrape.value("switchboard_edge_requests_total", Map.of("team", "team-a"))).isEqualTo(2);
        assertThat(scrape.value("switchboard_edge_requests_total", Map.of("team", "other"))).isEqualTo(2);
    }

    @Test
    void neverTagsByKeyUserRequestOrClientTags() {
        Event event = served("team-a", true, 100L, 50L);
        event.errorType = "api_error";
        metrics.observe(event.build());

        PrometheusText scrape = scrape();
        assertThat(scrape.labelNames("switchboard_edge_")).containsOnly("provider", "model", "team", "status",
                "type", "kind", "currency", "served_by", "le");
        String text = registry.scrape();
        assertThat(text).doesNotContain("key-secret-id").doesNotContain("user-42").doesNotContain(event.requestId)
                .doesNotContain("client-tag-value").doesNotContain("requested-alias");
    }

    @Test
    void aRegistryThatFailsNeverFailsTheRequest() {
        SimpleMeterRegistry failing = new SimpleMeterRegistry();
        failing.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                throw new IllegalStateException("registry refuses " + id.getName());
            }
        });
        RequestMetrics observer = new RequestMetrics(failing, new TeamTags(2));

        assertThatNoException().isThrownBy(() -> observer.observe(served("team-a", true, 10L, 5L).build()));
    }

    private PrometheusText scrape() {
        return new PrometheusText(registry.scrape());
    }

    private static Map<String, String> with(Map<String, String> tags, String name, String value) {
        Map<String, String> all = new HashMap<>(tags);
        all.put(name, value);
        return all;
    }

    private static Event served(String team, boolean stream, long latencyMillis, Long ttftMillis) {
        Event event = new Event(team);
        event.providerId = "openai";
        event.servedModel = "gpt-4o-mini";
        event.stream = stream;
        event.latencyMillis = latencyMillis;
        event.ttftMillis = ttftMillis;
        event.servedBy = "fallback";
        event.cost = new BigDecimal("0.00075");
        return event;
    }

    /** A usage event as the edge builds one, with the fields these tests vary settable. */
    private static final class Event {

        final String requestId = "req-" + UUID.randomUUID();
        final String teamId;
        String providerId;
        String servedModel;
        boolean stream;
        long latencyMillis = 20;
        Long ttftMillis;
        int status = 200;
        String errorType;
        String servedBy;
        String cacheOutcome = CacheOutcome.NONE;
        BigDecimal cost;

        Event(String teamId) {
            this.teamId = teamId;
        }

        Event status(int status) {
            this.status = status;
            return this;
        }

        Event errorType(String errorType) {
            this.errorType = errorType;
            return this;
        }

        Event cacheOutcome(String cacheOutcome) {
            this.cacheOutcome = cacheOutcome;
            return this;
        }

        Event cost(BigDecimal cost) {
            this.cost = cost;
            return this;
        }

        UsageEvent build() {
            boolean reached = providerId != null;
            return new UsageEvent(requestId, Instant.now(), teamId, "key-secret-id", "user-42",
                    Map.of("client-tag", "client-tag-value"), "route-1", "requested-alias", providerId, servedModel,
                    reached ? "2026-01" : null, List.of(), reached ? 100 : 0, reached ? 20 : 0, reached ? 50 : 0,
                    false, cost, reached ? "p-1" : null, cacheOutcome, stream, ttftMillis, latencyMillis, status,
                    errorType, null, servedBy, null, reached ? 10 : 0, reached ? EUR_PRICE : null);
        }
    }
}
