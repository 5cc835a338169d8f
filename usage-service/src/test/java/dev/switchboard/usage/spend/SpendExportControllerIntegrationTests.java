package dev.switchboard.usage.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.type.TypeReference;

/** The CSV export read back with a strict RFC 4180 parser and compared field by field with the recorded events. */
class SpendExportControllerIntegrationTests extends SpendIntegrationTest {

    private static final Instant FROM = Instant.parse("2025-03-28T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-04-05T00:00:00Z");

    @Test
    void exportsEveryRecordOfTheRangeAsParsableCsv() {
        ResponseEntity<String> response = get("/api/v1/spend/export.csv?from=" + FROM + "&to=" + TO + "&team=team-a",
                FINANCE);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains(".csv");
        List<List<String>> csv = Rfc4180.parse(response.getBody());
        List<String> header = csv.get(0);
        List<UsageEvent> expected = SpendDataSet.select(SpendDataSet.in(FROM, TO).and(e -> "team-a".equals(e.teamId())))
                .stream().sorted(Comparator.comparing(UsageEvent::occurredAt).thenComparing(UsageEvent::requestId))
                .toList();
        assertThat(csv).hasSize(expected.size() + 1);
        for (int i = 0; i < expected.size(); i++) {
            assertRowIsEvent(row(header, csv.get(i + 1)), expected.get(i));
        }
        // the tricky tag values made it through quoting intact
        assertThat(response.getBody()).contains("\"\"search, \\\"\"beta\\\"\"\"\"");
        assertThat(expected).anyMatch(e -> SpendDataSet.TRICKY_TAG.equals(e.tags().get("app")))
                .anyMatch(e -> SpendDataSet.MULTILINE_TAG.equals(e.tags().get("app")));
    }

    @Test
    void exportsEveryTeamWithoutATeamFilter() {
        List<List<String>> csv = Rfc4180.parse(get("/api/v1/spend/export.csv?from=" + SpendDataSet.FIRST + "&to="
                + SpendDataSet.LAST, ADMIN).getBody());

        assertThat(csv).hasSize(SpendDataSet.EVENTS.size() + 1);
        assertThat(csv.stream().skip(1).map(r -> r.get(0)).distinct()).hasSize(SpendDataSet.EVENTS.size());
    }

    @Test
    void exportsGroupedSumsPerBucketAndCurrency() {
        ResponseEntity<String> response = get("/api/v1/spend/export.csv?from=" + FROM + "&to=" + TO
                + "&groupBy=tag:app&interval=week", VIEWER);

        List<List<String>> csv = Rfc4180.parse(response.getBody());
        assertThat(csv.get(0)).containsExactly("bucket_start", "group", "currency", "requests", "errors",
                "input_tokens", "cached_input_tokens", "output_tokens", "reasoning_tokens", "cost", "saved_cost");
        // the rows of each bucket and group add up to the expected sums, money per currency
        Map<String, Map<Instant, SpendDataSet.Sums>> expected = SpendDataSet.expected(FROM, TO, "tag:app", "week",
                null);
        Map<String, Map<Instant, List<List<String>>>> rows = new TreeMap<>();
        for (List<String> r : csv.subList(1, csv.size())) {
            rows.computeIfAbsent(r.get(1), g -> new TreeMap<>())
                    .computeIfAbsent(Instant.parse(r.get(0)), b -> new ArrayList<>()).add(r);
        }
        assertThat(rows.keySet()).isEqualTo(expected.keySet());
        expected.forEach((group, series) -> series.forEach((bucket, sums) -> {
            List<List<String>> lines = rows.get(group).get(bucket);
            assertThat(lines.stream().mapToLong(r -> Long.parseLong(r.get(3))).sum()).isEqualTo(sums.requests());
            assertThat(lines.stream().mapToLong(r -> Long.parseLong(r.get(7))).sum()).isEqualTo(sums.outputTokens());
            Map<String, List<BigDecimal>> money = new TreeMap<>();
            lines.stream().filter(r -> !r.get(2).isEmpty()).forEach(r -> money.put(r.get(2),
                    List.of(SpendDataSet.normal(new BigDecimal(r.get(9))),
                            SpendDataSet.normal(new BigDecimal(r.get(10))))));
            assertThat(money).as(group + " " + bucket).isEqualTo(sums.money());
        }));
    }

    @Test
    void rejectsBadParametersBeforeWritingAnything() {
        assertBadRequest("/api/v1/spend/export.csv?to=" + TO, "'from' is required");
        assertBadRequest("/api/v1/spend/export.csv?from=" + TO + "&to=" + FROM, "'from' must be before");
        assertBadRequest("/api/v1/spend/export.csv?from=" + FROM + "&to=" + TO + "&team=", "'team' must not be blank");
        assertBadRequest("/api/v1/spend/export.csv?from=" + FROM + "&to=" + TO + "&groupBy=colour", "'groupBy'");
        assertBadRequest("/api/v1/spend/export.csv?from=" + FROM + "&to=" + TO + "&groupBy=team&interval=minute",
                "'interval'");
    }

    private static Map<String, String> row(List<String> header, List<String> fields) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), fields.get(i));
        }
        return row;
    }

    private static void assertRowIsEvent(Map<String, String> row, UsageEvent e) {
        String id = e.requestId();
        assertThat(row.get("request_id")).isEqualTo(id);
        assertThat(Instant.parse(row.get("occurred_at"))).as(id).isEqualTo(e.occurredAt());
        assertThat(row.get("team_id")).as(id).isEqualTo(e.teamId());
        assertThat(row.get("key_id")).as(id).isEqualTo(text(e.keyId()));
        assertThat(row.get("user_id")).as(id).isEqualTo(text(e.user()));
        assertThat(row.get("served_model")).as(id).isEqualTo(text(e.servedModel()));
        assertThat(row.get("provider_id")).as(id).isEqualTo(text(e.providerId()));
        assertThat(row.get("status")).as(id).isEqualTo(String.valueOf(e.status()));
        assertThat(row.get("cache_outcome")).as(id).isEqualTo(e.cacheOutcome());
        assertThat(row.get("input_tokens")).as(id).isEqualTo(String.valueOf(e.inputTokens()));
        assertThat(row.get("cached_input_tokens")).as(id).isEqualTo(String.valueOf(e.cachedInputTokens()));
        assertThat(row.get("output_tokens")).as(id).isEqualTo(String.valueOf(e.outputTokens()));
        assertThat(row.get("reasoning_tokens")).as(id).isEqualTo(String.valueOf(e.reasoningTokens()));
        assertThat(row.get("tokens_estimated")).as(id).isEqualTo(String.valueOf(e.tokensEstimated()));
        assertThat(row.get("currency")).as(id).isEqualTo(text(SpendDataSet.currency(e)));
        assertMoney(row.get("cost"), SpendDataSet.cost(e), id);
        assertMoney(row.get("saved_cost"), SpendDataSet.savedCost(e), id);
        assertThat(JSON.readValue(row.get("tags"), new TypeReference<Map<String, String>>() {
        })).as(id).isEqualTo(e.tags());
    }

    private static void assertMoney(String field, BigDecimal expected, String id) {
        if (expected == null) {
            assertThat(field).as(id).isEmpty();
        } else {
            assertThat(field).as(id).doesNotContainIgnoringCase("e");
            assertThat(new BigDecimal(field)).as(id).isEqualByComparingTo(expected);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
