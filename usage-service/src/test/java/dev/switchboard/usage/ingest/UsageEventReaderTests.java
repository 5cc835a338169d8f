package dev.switchboard.usage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.usage.UsageAttempt;
import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class UsageEventReaderTests {

    /** Exactly what the edge's JsonMapper writes: ISO-8601 instants, cost as a JSON number. */
    private static final String EDGE_JSON = """
            {"requestId":"req-1","occurredAt":"2025-06-01T12:30:45.123456Z","teamId":"demo","keyId":"key-1",
             "user":"alice","tags":{"app":"chatbot","env":"prod"},"routeId":"default","requestedModel":"gpt-4o-mini",
             "providerId":"openai-main","servedModel":"gpt-4o-mini","modelVersion":"2024-07-18",
             "attempts":[{"providerId":"openai-backup","model":"gpt-4o-mini","outcome":"error","status":503,
                          "latencyMillis":120,"errorType":"provider_unavailable"},
                         {"providerId":"openai-main","model":"gpt-4o-mini","outcome":"success","status":200,
                          "latencyMillis":840,"errorType":null}],
             "inputTokens":90,"cachedInputTokens":0,"outputTokens":0,"tokensEstimated":false,
             "cost":0.0000135,"priceVersion":"p-2025-05","cacheOutcome":"miss","stream":true,
             "timeToFirstTokenMillis":310,"latencyMillis":960,"status":200,"errorType":null}
            """;

    private final UsageEventReader reader = new UsageEventReader(JsonMapper.builder().build());

    @Test
    void readsCostAsTheExactDecimalWritten() {
        UsageEvent event = read(EDGE_JSON);

        assertThat(event.cost().toPlainString()).isEqualTo("0.0000135");
        assertThat(event.cost()).isEqualTo(new BigDecimal("0.0000135"));
        assertThat(event.cost().scale()).isEqualTo(7);
    }

    @Test
    void keepsDigitsThatADoubleWouldLose() {
        UsageEvent event = read(EDGE_JSON.replace("\"cost\":0.0000135", "\"cost\":12345678901.000000000000000001"));

        assertThat(event.cost().toPlainString()).isEqualTo("12345678901.000000000000000001");
    }

    @Test
    void mapsEveryField() {
        UsageEvent expected = new UsageEvent("req-1", Instant.parse("2025-06-01T12:30:45.123456Z"), "demo", "key-1",
                "alice", Map.of("app", "chatbot", "env", "prod"), "default", "gpt-4o-mini", "openai-main",
                "gpt-4o-mini", "2024-07-18",
                List.of(new UsageAttempt("openai-backup", "gpt-4o-mini", "error", 503, 120, "provider_unavailable"),
                        new UsageAttempt("openai-main", "gpt-4o-mini", "success", 200, 840, null)),
                90, 0, 0, false, new BigDecimal("0.0000135"), "p-2025-05", "miss", true, 310L, 960, 200, null);

        assertThat(read(EDGE_JSON)).isEqualTo(expected);
    }

    @Test
    void readsWhatAJsonMapperWritesForTheEvent() {
        JsonMapper edgeMapper = JsonMapper.builder().build();
        UsageEvent sent = read(EDGE_JSON);

        assertThat(reader.read(edgeMapper.writeValueAsBytes(sent))).isEqualTo(sent);
    }

    @Test
    void acceptsEventWithoutCostWhenNoProviderWasReached() {
        UsageEvent event = read(EDGE_JSON.replace("\"cost\":0.0000135", "\"cost\":null"));

        assertThat(event.cost()).isNull();
    }

    @Test
    void ignoresFieldsAddedByNewerEdges() {
        UsageEvent event = read(EDGE_JSON.replace("{\"requestId\"", "{\"someFutureField\":{\"x\":1},\"requestId\""));

        assertThat(event.requestId()).isEqualTo("req-1");
    }

    @Test
    void rejectsInvalidJson() {
        assertPoison("{\"requestId\":\"req-1\",", "not a usage event");
        assertPoison("not json at all", "not a usage event");
    }

    @Test
    void rejectsTrailingGarbage() {
        assertPoison(EDGE_JSON + "}", "not a usage event");
    }

    @Test
    void rejectsEmptyMessage() {
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(MalformedUsageEventException.class);
        assertThatThrownBy(() -> reader.read(null)).isInstanceOf(MalformedUsageEventException.class);
        assertPoison("null", "JSON null");
    }

    @Test
    void rejectsEventWithoutRequestId() {
        assertPoison(EDGE_JSON.replace("\"requestId\":\"req-1\",", ""), "requestId");
        assertPoison(EDGE_JSON.replace("\"requestId\":\"req-1\"", "\"requestId\":\"  \""), "requestId");
    }

    @Test
    void rejectsEventWithoutTeamOrTime() {
        assertPoison(EDGE_JSON.replace("\"teamId\":\"demo\",", ""), "teamId");
        assertPoison(EDGE_JSON.replace("\"occurredAt\":\"2025-06-01T12:30:45.123456Z\",", ""), "occurredAt");
    }

    @Test
    void rejectsEventMissingATokenCountRatherThanBillingZero() {
        assertPoison(EDGE_JSON.replace("\"inputTokens\":90,", ""), "inputTokens");
    }

    @Test
    void rejectsCostThatIsNotANumber() {
        assertPoison(EDGE_JSON.replace("\"cost\":0.0000135", "\"cost\":\"cheap\""), "not a usage event");
    }

    private UsageEvent read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertPoison(String json, String messagePart) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(MalformedUsageEventException.class)
                .hasMessageContaining(messagePart);
    }
}
