package dev.switchboard.mockprovider.ledger;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MockLedgerTests {

    private final MockLedger ledger = new MockLedger();

    @Test
    void recorderSnapshotsShowChunksSentSoFar() {
        GenerationRecorder recorder = ledger.startGeneration(Vendor.OPENAI, "/v1/chat/completions", "chatcmpl-1",
                "req_1", "corr-1", "gpt-4o", true, 7, null);
        recorder.chunkSent("Hello", 1);
        recorder.chunkSent(" world", 1);

        Generation partial = ledger.generationFor("corr-1").orElseThrow();
        assertThat(partial.text()).isEqualTo("Hello world");
        assertThat(partial.completionTokens()).isEqualTo(2);
        assertThat(partial.contentChunks()).isEqualTo(2);
        assertThat(partial.completed()).isFalse();
        assertThat(partial.finishReason()).isNull();

        recorder.finish("stop");
        Generation done = ledger.generationByResponseId("chatcmpl-1").orElseThrow();
        assertThat(done.completed()).isTrue();
        assertThat(done.finishReason()).isEqualTo("stop");
        assertThat(done.totalTokens()).isEqualTo(9);
    }

    @Test
    void findsGenerationsByVendorAndClears() {
        ledger.startGeneration(Vendor.OPENAI, "/p", "a", null, null, "m", false, 1, null);
        ledger.startGeneration(Vendor.GEMINI, "/p", "b", null, null, "m", false, 1, null);
        ledger.record(new ReceivedRequest(Instant.now(), "POST", "/p?x=1", Map.of("x-request-id", "r"), "{}", "r"));

        assertThat(ledger.generations(Vendor.GEMINI)).extracting(Generation::responseId).containsExactly("b");
        assertThat(ledger.lastGeneration()).hasValueSatisfying(g -> assertThat(g.responseId()).isEqualTo("b"));
        assertThat(ledger.received().get(0).path()).isEqualTo("/p");
        assertThat(ledger.received().get(0).header("X-Request-Id")).isEqualTo("r");

        ledger.clear();
        assertThat(ledger.generations()).isEmpty();
        assertThat(ledger.received()).isEmpty();
    }
}
