package dev.switchboard.usage.spend;

import static dev.switchboard.usage.spend.SpendDataSet.actual;
import static dev.switchboard.usage.spend.SpendDataSet.expected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Spend totals, series and top spenders against sums computed from the recorded events themselves. */
class SpendControllerIntegrationTests extends SpendIntegrationTest {

    private static final List<String> GROUPINGS = List.of("team", "key", "model", "provider", "tag:app", "tag:env");
    private static final List<String> INTERVALS = Arrays.asList(null, "hour", "day", "week", "month");
    private static final Instant DAY_FROM = Instant.parse("2025-03-28T00:00:00Z");
    private static final Instant DAY_TO = Instant.parse("2025-04-05T00:00:00Z");
    private static final Instant ODD_FROM = Instant.parse("2025-03-28T06:30:00Z");
    private static final Instant ODD_TO = Instant.parse("2025-04-04T18:15:00.5Z");

    @Autowired
    SpendAggregates aggregates;

    @Test
    void sumsEveryGroupingAndIntervalExactlyAsTheRecordsAdd() {
        for (String groupBy : GROUPINGS) {
            for (String interval : INTERVALS) {
                for (Instant[] range : List.of(new Instant[] {DAY_FROM, DAY_TO}, new Instant[] {ODD_FROM, ODD_TO})) {
                    SpendReport report = read(path(range[0], range[1], groupBy, interval, null), SpendReport.class);

                    String what = groupBy + " per " + interval + " over " + range[0] + ".." + range[1];
                    assertThat(actual(report)).as(what)
                            .isEqualTo(expected(range[0], range[1], groupBy, interval, null));
                    boolean dayAligned = range[0] == DAY_FROM && !"hour".equals(interval);
                    assertThat(report.source()).as(what).isEqualTo(dayAligned ? "rollups" : "records");
                    assertThat(report.groups()).as(what).isNotEmpty();
                }
            }
        }
    }

    @Test
    void groupTotalsAddUpTheirSeries() {
        SpendReport report = read(path(DAY_FROM, DAY_TO, "model", "day", null), SpendReport.class);
        SpendReport totals = read(path(DAY_FROM, DAY_TO, "model", null, null), SpendReport.class);

        for (int g = 0; g < report.groups().size(); g++) {
            SpendReport.Group group = report.groups().get(g);
            assertThat(SpendDataSet.Sums.of(group.total()))
                    .isEqualTo(SpendDataSet.Sums.of(totals.groups().get(g).total()));
            assertThat(group.series().stream().mapToLong(bucket -> bucket.totals().requests()).sum())
                    .isEqualTo(group.total().requests());
        }
    }

    @Test
    void filtersByTeam() {
        for (String groupBy : List.of("key", "tag:app")) {
            for (String interval : Arrays.asList(null, "day", "hour")) {
                SpendReport report = read(path(DAY_FROM, DAY_TO, groupBy, interval, "team-b"), SpendReport.class);

                assertThat(actual(report)).as(groupBy + "/" + interval)
                        .isEqualTo(expected(DAY_FROM, DAY_TO, groupBy, interval, "team-b"));
                assertThat(report.team()).isEqualTo("team-b");
            }
        }
    }

    @Test
    void rollupsAndRecordsGiveTheSameAnswer() {
        for (String groupBy : GROUPINGS) {
            for (String interval : Arrays.asList(null, "day", "week", "month")) {
                for (String team : Arrays.asList(null, "team-a")) {
                    SpendQuery query = SpendParameters.query(DAY_FROM.toString(), DAY_TO.toString(), groupBy,
                            interval, team);

                    List<SpendReport.Group> fromRollups = SpendSums.groups(aggregates.fromRollups(query));
                    assertThat(fromRollups).as(groupBy + "/" + interval + "/" + team)
                            .isNotEmpty()
                            .isEqualTo(SpendSums.groups(aggregates.fromRecords(query)));
                }
            }
        }
    }

    @Test
    void neverAddsDifferentCurrencies() {
        SpendReport report = read(path(DAY_FROM, DAY_TO, "team", null, null), SpendReport.class);

        for (SpendReport.Group group : report.groups()) {
            assertThat(group.total().money()).extracting(SpendTotals.Money::currency).containsExactly("EUR", "USD");
        }
        SpendReport models = read(path(DAY_FROM, DAY_TO, "model", null, null), SpendReport.class);
        SpendReport.Group large = models.groups().stream().filter(g -> "mistral-large".equals(g.key())).findFirst()
                .orElseThrow();
        assertThat(large.total().money()).extracting(SpendTotals.Money::currency).containsExactly("EUR");
        // failed requests reached no provider: they count, under no model, and cost nothing in any currency
        assertThat(models.groups().get(0).key()).isNull();
        assertThat(models.groups().get(0).total().money()).isEmpty();
        assertThat(models.groups().get(0).total().errors()).isEqualTo(models.groups().get(0).total().requests());
    }

    @Test
    void ranksTopSpendersByCostInOneCurrency() {
        for (String by : List.of("team", "key", "model")) {
            for (String currency : List.of("USD", "EUR")) {
                TopSpenders top = read("/api/v1/spend/top?by=" + by + "&from=" + DAY_FROM + "&to=" + DAY_TO
                        + "&currency=" + currency + "&limit=3", TopSpenders.class);

                assertThat(top.spenders()).as(by + " " + currency)
                        .isEqualTo(expectedTop(by, currency, 3));
                assertThat(top.spenders()).isSortedAccordingTo(
                        Comparator.comparing(TopSpenders.Spender::cost).reversed());
            }
        }
        TopSpenders all = read("/api/v1/spend/top?by=key&from=" + ODD_FROM + "&to=" + ODD_TO, TopSpenders.class);
        assertThat(all.currency()).isEqualTo("USD");
        assertThat(all.spenders()).hasSize(7); // six keys and the requests without one
    }

    private static List<TopSpenders.Spender> expectedTop(String by, String currency, int limit) {
        Map<String, List<UsageEvent>> groups = SpendDataSet.select(SpendDataSet.in(DAY_FROM, DAY_TO)).stream()
                .collect(Collectors.groupingBy(SpendDataSet.groupOf(by), TreeMap::new, Collectors.toList()));
        List<TopSpenders.Spender> spenders = new ArrayList<>();
        groups.forEach((key, events) -> {
            SpendDataSet.Sums sums = SpendDataSet.Sums.of(events);
            List<BigDecimal> money = sums.money().get(currency);
            if (money != null) {
                spenders.add(new TopSpenders.Spender(key.isEmpty() ? null : key, money.get(0), money.get(1),
                        sums.requests()));
            }
        });
        spenders.sort(Comparator.comparing(TopSpenders.Spender::cost).reversed());
        return spenders.subList(0, Math.min(limit, spenders.size()));
    }

    @Test
    void letsAdminFinanceAndViewersReadButNoOneElse() {
        List<String> paths = List.of(path(DAY_FROM, DAY_TO, "team", "day", null),
                "/api/v1/spend/top?by=team&from=" + DAY_FROM + "&to=" + DAY_TO,
                "/api/v1/spend/burn?scope=global&period=day",
                "/api/v1/spend/export.csv?from=" + DAY_FROM + "&to=" + DAY_TO,
                "/api/v1/spend/records?team=team-a",
                "/api/v1/spend/records/req-001");
        for (String path : paths) {
            for (String token : List.of(ADMIN, FINANCE, VIEWER)) {
                assertThat(get(path, token).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            }
            assertThat(get(path, null).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(get(path, "test-service-token").getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            // usage-service resolves no gateway keys: a key is just an unknown token here
            assertThat(get(path, "sb-live-0123456789abcdef").getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void documentsTheSpendApi() {
        String document = get("/api/v1/openapi.json", VIEWER).getBody();

        assertThat(document).contains("/api/v1/spend/top", "/api/v1/spend/burn", "/api/v1/spend/export.csv",
                "/api/v1/spend/records/{requestId}").doesNotContain("/internal/");
    }

    @Test
    void rejectsBadParametersWithA400() {
        String range = "&from=" + DAY_FROM + "&to=" + DAY_TO;
        assertBadRequest("/api/v1/spend?groupBy=team&to=" + DAY_TO, "'from' is required");
        assertBadRequest("/api/v1/spend?groupBy=team&from=2025-03-28&to=" + DAY_TO, "'from' must be an ISO-8601");
        assertBadRequest("/api/v1/spend?groupBy=team&from=" + DAY_TO + "&to=" + DAY_FROM, "'from' must be before");
        assertBadRequest("/api/v1/spend?groupBy=team&from=" + DAY_TO + "&to=" + DAY_TO, "'from' must be before");
        assertBadRequest("/api/v1/spend?" + range, "'groupBy' is required");
        assertBadRequest("/api/v1/spend?groupBy=user" + range, "'groupBy' must be");
        assertBadRequest("/api/v1/spend?groupBy=tag:" + range, "'groupBy' must be");
        assertBadRequest("/api/v1/spend?groupBy=team&interval=year" + range, "'interval' must be");
        assertBadRequest("/api/v1/spend?groupBy=team&team=" + range, "'team' must not be blank");
        assertBadRequest("/api/v1/spend?groupBy=team&interval=hour&from=2020-01-01T00:00:00Z&to=" + DAY_TO,
                "more than 10000 hours");
        assertBadRequest("/api/v1/spend/top?by=provider" + range, "'by' must be team, key or model");
        assertBadRequest("/api/v1/spend/top?by=team&limit=0" + range, "'limit' must be");
        assertBadRequest("/api/v1/spend/top?by=team&limit=101" + range, "'limit' must be");
        assertBadRequest("/api/v1/spend/top?by=team&limit=ten" + range, "'limit' must be");
    }

    private static String path(Instant from, Instant to, String groupBy, String interval, String team) {
        return "/api/v1/spend?from=" + from + "&to=" + to + "&groupBy=" + groupBy
                + (interval == null ? "" : "&interval=" + interval) + (team == null ? "" : "&team=" + team);
    }
}
