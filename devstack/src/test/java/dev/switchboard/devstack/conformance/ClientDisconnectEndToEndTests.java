package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.devstack.LocalSuite;
import dev.switchboard.devstack.SharedSuite;
import dev.switchboard.mockprovider.answer.AnswerGenerator;
import dev.switchboard.mockprovider.ledger.Generation;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that closes its SDK stream mid-answer makes the edge cancel the provider call, and is billed for what
 * the provider generated until then, through either public API to every provider. (The walking skeleton covers a
 * raw-socket client leaving an OpenAI stream.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class ClientDisconnectEndToEndTests {

    /** Slow enough that the client leaves long before the answer's end, fast enough to keep the test short. */
    private static final String SLOW_STREAM = "chunk-delay-ms=150;times=1";

    private Conformance conformance;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        conformance = new Conformance(suite);
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void cancelsTheProviderWhenAnAnthropicSdkStreamIsClosed(ChatModel model) throws Exception {
        String prompt = "Leave early " + UUID.randomUUID();
        conformance.withFault(model.upstream(), SLOW_STREAM, () -> {
            try (var response = conformance.anthropicApiKey().messages().withRawResponse()
                    .createStreaming(MessageCreateParams.builder().model(model.id()).maxTokens(256)
                            .addUserMessage(prompt).build());
                 StreamResponse<RawMessageStreamEvent> stream = response.parse()) {
                Conformance.assertServedBy(response.headers()::values, model);
                assertThat(stream.stream().filter(event -> event.contentBlockDelta()
                        .flatMap(delta -> delta.delta().text()).isPresent()).findFirst())
                        .as("some text arrived before the client left").isPresent();
            }
            assertCancelledAndBilled(prompt, model);
        });
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void cancelsTheProviderWhenAnOpenAiSdkStreamIsClosed(ChatModel model) throws Exception {
        String prompt = "Leave early " + UUID.randomUUID();
        conformance.withFault(model.upstream(), SLOW_STREAM, () -> {
            try (var response = conformance.openAi().chat().completions().withRawResponse()
                    .createStreaming(ChatCompletionCreateParams.builder().model(model.id())
                            .addUserMessage(prompt).build());
                 com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = response.parse()) {
                Conformance.assertServedBy(response.headers()::values, model);
                assertThat(stream.stream().filter(chunk -> chunk.choices().stream()
                        .anyMatch(choice -> choice.delta().content().filter(text -> !text.isEmpty()).isPresent()))
                        .findFirst()).as("some text arrived before the client left").isPresent();
            }
            assertCancelledAndBilled(prompt, model);
        });
    }

    private void assertCancelledAndBilled(String prompt, ChatModel model) throws Exception {
        Generation generation = conformance.awaitStopped(prompt);
        assertThat(generation.vendor()).isEqualTo(model.vendor());
        assertThat(generation.completed()).as("the provider kept generating after the client left").isFalse();
        assertThat(generation.completionTokens()).isPositive().isLessThan(AnswerGenerator.DEFAULT_ANSWER_TOKENS);
        Map<String, Object> row = conformance.usageRow(generation.correlationId());
        assertThat(row).containsEntry("status", 499)
                .containsEntry("error_type", "client_closed")
                .containsEntry("provider_id", model.provider())
                .containsEntry("stream", true);
        assertThat((Long) row.get("output_tokens")).as("billed output tokens")
                .isBetween(1L, (long) generation.completionTokens());
        assertThat((Long) row.get("input_tokens")).isPositive();
        assertThat((java.math.BigDecimal) row.get("cost")).isPositive();
    }
}
