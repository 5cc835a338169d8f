package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import dev.switchboard.devstack.LocalSuite;
import dev.switchboard.devstack.SharedSuite;
import dev.switchboard.mockprovider.ledger.Generation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official openai-java SDK, unmodified, chatting through the edge with the mock acting as OpenAI, Anthropic
 * and Gemini in turn: whatever the provider, the SDK must get OpenAI's shapes, and the mock's ledger must agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class OpenAiSdkChatEndToEndTests {

    private Conformance conformance;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        conformance = new Conformance(suite);
    }

    private static ChatCompletionCreateParams.Builder params(ChatModel model, String prompt) {
        return ChatCompletionCreateParams.builder().model(model.id())
                .addSystemMessage("Be brief.")
                .addUserMessage(prompt + " " + UUID.randomUUID());
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void answersWithTheProvidersTextAndUsage(ChatModel model) {
        HttpResponseFor<ChatCompletion> response = conformance.openAi().chat().completions().withRawResponse()
                .create(params(model, "Tell me about rivers").build());

        String requestId = Conformance.assertServedBy(response.headers()::values, model);
        ChatCompletion completion = response.parse();
        Generation generation = conformance.generationFor(requestId, model);
        assertThat(completion.choices()).hasSize(1);
        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.message().content()).hasValue(generation.text());
        assertThat(generation.text()).isNotBlank();
        assertThat(choice.finishReason().asString()).isEqualTo("stop");
        assertThat(choice.message().toolCalls().orElse(List.of())).isEmpty();
        assertThat(completion.id()).isNotBlank();
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(usage.completionTokens()).isEqualTo(generation.completionTokens());
        assertThat(usage.promptTokens()).isEqualTo(generation.promptTokens());
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(generation.stream()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void streamsTextWithoutAUsageChunkWhenNotAskedFor(ChatModel model) {
        List<ChatCompletionChunk> chunks;
        String requestId;
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = conformance.openAi().chat()
                .completions().withRawResponse().createStreaming(params(model, "Stream about bridges").build());
             StreamResponse<ChatCompletionChunk> stream = response.parse()) {
            requestId = Conformance.assertServedBy(response.headers()::values, model);
            chunks = stream.stream().toList();
        }

        Generation generation = conformance.generationFor(requestId, model);
        assertThat(chunks).isNotEmpty().allSatisfy(chunk -> {
            assertThat(chunk.choices()).as("a chunk without choices breaks clients that index choices[0]")
                    .isNotEmpty();
            assertThat(chunk.usage()).as("usage the client did not ask for").isEmpty();
        });
        assertThat(text(chunks)).isEqualTo(generation.text()).isNotBlank();
        assertThat(finishReasons(chunks)).containsExactly("stop");
        assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
        assertThat(generation.stream()).isTrue();
        assertThat(generation.completed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void streamsTheUsageChunkLastWhenIncludeUsageIsSet(ChatModel model) {
        ChatCompletionCreateParams params = params(model, "Stream and count")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks;
        String requestId;
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = conformance.openAi().chat()
                .completions().withRawResponse().createStreaming(params);
             StreamResponse<ChatCompletionChunk> stream = response.parse()) {
            requestId = Conformance.assertServedBy(response.headers()::values, model);
            chunks = stream.stream().toList();
        }

        Generation generation = conformance.generationFor(requestId, model);
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).as("the usage chunk has empty choices").isEmpty();
        CompletionUsage usage = last.usage().orElseThrow();
        assertThat(usage.completionTokens()).isEqualTo(generation.completionTokens()).isPositive();
        assertThat(usage.promptTokens()).isEqualTo(generation.promptTokens());
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(chunks.subList(0, chunks.size() - 1)).isNotEmpty().allSatisfy(chunk -> {
            assertThat(chunk.choices()).isNotEmpty();
            assertThat(chunk.usage()).isEmpty();
        });
        assertThat(text(chunks)).isEqualTo(generation.text());
        assertThat(finishReasons(chunks)).containsExactly("stop");
    }

    static String text(List<ChatCompletionChunk> chunks) {
        return chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .flatMap(choice -> choice.delta().content().stream())
                .collect(Collectors.joining());
    }

    static List<String> finishReasons(List<ChatCompletionChunk> chunks) {
        return chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.finishReason().map(reason -> reason.asString()))
                .flatMap(Optional::stream).toList();
    }
}
