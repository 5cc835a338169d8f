package dev.switchboard.usage.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.usage.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Keyset pages of a team's records, newest first, and one request's record. */
class SpendRecordsControllerIntegrationTests extends SpendIntegrationTest {

    private static final Comparator<UsageEvent> NEWEST_FIRST = Comparator.comparing(UsageEvent::occurredAt)
            .thenComparing(UsageEvent::requestId).reversed();

    @Test
    void walksEveryRecordOfATeamExactlyOnce() {
        List<String> expected = SpendDataSet.select(e -> "team-c".equals(e.teamId())).stream().sorted(NEWEST_FIRST)
                .map(UsageEvent::requestId).toList();

        assertThat(walk("/api/v1/spend/records?team=team-c&limit=7")).isEqualTo(expected);
    }

    @Test
    void walksARangeWithPagesThatSplitTiedInstants() {
        Instant from = Instant.parse("2025-04-02T00:00:00Z");
        Instant to = Instant.parse("2025-04-03T00:00:00Z");
        for (String team : List.of("team-a", "team-b", "team-c")) {
            List<String> expected = SpendDataSet.select(SpendDataSet.in(from, to).and(e -> team.equals(e.teamId())))
                    .stream().sorted(NEWEST_FIRST).map(UsageEvent::requestId).toList();
            assertThat(expected).isNotEmpty();
            if (team.equals("team-c")) {
                assertThat(SpendDataSet.select(e -> e.occurredAt().equals(Instant.parse(SpendDataSet.TIE))))
                        .allMatch(e -> team.equals(e.teamId())).hasSize(3);
            }

            for (int limit : List.of(1, 2, 500)) {
                assertThat(walk("/api/v1/spend/records?team=" + team + "&from=" + from + "&to=" + to + "&limit="
                        + limit)).as(team + " limit " + limit).isEqualTo(expected);
            }
        }
    }

    @Test
    void pageCarriesTheRecordsFields() {
        UsageEvent newest = SpendDataSet.select(e -> "team-b".equals(e.teamId())).stream().sorted(NEWEST_FIRST)
                .findFirst().orElseThrow();

        SpendRecordPage page = read("/api/v1/spend/records?team=team-b&limit=1", SpendRecordPage.class);

        assertThat(page.records()).hasSize(1);
        assertRecordIsEvent(page.records().get(0), newest);
        assertThat(page.nextCursor()).isNotBlank();
    }

    @Test
    void findsOneRequest() {
        UsageEvent event = SpendDataSet.EVENTS.get(42);

        assertRecordIsEvent(read("/api/v1/spend/records/" + event.requestId(), SpendRecord.class), event);
        assertThat(get("/api/v1/spend/records/req-none", FINANCE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void rejectsBadParametersWithA400() {
        String forged = Base64.getUrlEncoder().encodeToString("v1|soon|0|req-1".getBytes(StandardCharsets.UTF_8));
        assertBadRequest("/api/v1/spend/records", "'team' is required");
        assertBadRequest("/api/v1/spend/records?team=team-a&limit=501", "'limit' must be");
        assertBadRequest("/api/v1/spend/records?team=team-a&limit=0", "'limit' must be");
        assertBadRequest("/api/v1/spend/records?team=team-a&cursor=not-a-cursor!", "'cursor'");
        assertBadRequest("/api/v1/spend/records?team=team-a&cursor=" + forged, "'cursor'");
        assertBadRequest("/api/v1/spend/records?team=team-a&from=yesterday", "'from' must be an ISO-8601");
        assertBadRequest("/api/v1/spend/records?team=team-a&from=2025-04-02T00:00:00Z&to=2025-04-01T00:00:00Z",
                "'from' must be before");
    }

    private List<String> walk(String firstPage) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SpendRecordPage page = read(firstPage + (cursor == null ? "" : "&cursor=" + cursor), SpendRecordPage.class);
            page.records().forEach(record -> seen.add(record.requestId()));
            cursor = page.nextCursor();
            assertThat(++pages).as("pages").isLessThan(500);
        } while (cursor != null);
        return seen;
    }

    private static void assertRecordIsEvent(SpendRecord record, UsageEvent e) {
        assertThat(record.requestId()).isEqualTo(e.requestId());
        assertThat(record.occurredAt()).isEqualTo(e.occurredAt());
        assertThat(record.teamId()).isEqualTo(e.teamId());
        assertThat(record.keyId()).isEqualTo(e.keyId());
        assertThat(record.tags()).isEqualTo(e.tags());
        assertThat(record.inputTokens()).isEqualTo(e.inputTokens());
        assertThat(record.reasoningTokens()).isEqualTo(e.reasoningTokens());
        assertThat(record.currency()).isEqualTo(SpendDataSet.currency(e));
        if (SpendDataSet.cost(e) == null) {
            assertThat(record.cost()).isNull();
        } else {
            assertThat(record.cost()).isEqualByComparingTo(SpendDataSet.cost(e));
        }
    }
}
