package dev.switchboard.mockprovider.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.completions.CompletionUsage;
import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.answer.TokenCounter;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.ledger.Generation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official openai-java SDK against the mock: if it parses our bytes, so will real clients. */
class OpenAiSdkIntegrationTests {

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    private static ChatCompletionCreateParams.Builder params(String userText) {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage(userText);
    }

    @Test
    void completionMatchesTheLedger() {
        ChatCompletion completion = mock.openAi().chat().completions()
                .create(params("Tell me about rivers").addSystemMessage("You are terse.").build());

        Generation generation = mock.ledger().lastGeneration().orElseThrow();
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(completion.id()).isEqualTo(generation.responseId());
        assertThat(completion.choices().get(0).message().content()).hasValue(generation.text());
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("stop");
        assertThat(usage.completionTokens()).isEqualTo(24).isEqualTo(generation.completionTokens());
        assertThat(usage.promptTokens()).isEqualTo(generation.promptTokens())
                .isEqualTo(TokenCounter.count("Tell me about rivers") + TokenCounter.count("You are terse."));
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(generation.stream()).isFalse();
        assertThat(generation.completed()).isTrue();
    }

    @Test
    void streamedContentAndUsageEqualTheLedger() {
        ChatCompletionCreateParams request = params("Stream me something")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = mock.openAi().chat().completions().createStreaming(request)) {
            chunks = stream.stream().toList();
        }

        Generation generation = mock.ledger().lastGeneration().orElseThrow();
        String text = chunks.stream().flatMap(c -> c.choices().stream())
                .map(choice -> choice.delta().content().orElse("")).reduce("", String::concat);
        CompletionUsage usage = chunks.get(chunks.size() - 1).usage().orElseThrow();
        assertThat(text).isEqualTo(generation.text()).isNotEmpty();
        assertThat(usage.completionTokens()).isEqualTo(generation.completionTokens()).isEqualTo(24);
        assertThat(usage.promptTokens()).isEqualTo(generation.promptTokens());
        assertThat(generation.contentChunks()).isEqualTo(24);
        assertThat(generation.finishReason()).isEqualTo("stop");
        assertThat(chunks.stream().filter(c -> c.choices().isEmpty())).hasSize(1);
        assertThat(chunks.stream().flatMap(c -> c.choices().stream())
                .map(choice -> choice.finishReason().map(Object::toString)).flatMap(Optional::stream))
                .containsExactly("stop");
    }

    @Test
    void sameRequestGetsSameAnswer() {
        String first = mock.openAi().chat().completions().create(params("Same question").build())
                .choices().get(0).message().content().orElseThrow();
        String second = mock.openAi().chat().completions().create(params("Same question").build())
                .choices().get(0).message().content().orElseThrow();
        String other = mock.openAi().chat().completions().create(params("Other question").build())
                .choices().get(0).message().content().orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void maxCompletionTokensCapsTheAnswerWithFinishReasonLength() {
        ChatCompletion completion = mock.openAi().chat().completions()
                .create(params("Long story please").maxCompletionTokens(5).build());

        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("length");
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(5);
        assertThat(mock.ledger().lastGeneration().orElseThrow().completionTokens()).isEqualTo(5);
    }

    @Test
    void answerLengthFollowsTheMockHeader() {
        ChatCompletion completion = mock.openAi().chat().completions()
                .create(params("Short").putAdditionalHeader("x-mock-answer-tokens", "3").build());

        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(3);
    }

    @Test
    void requiredToolChoiceAnswersWithAToolCall() {
        ChatCompletion completion = mock.openAi().chat().completions()
                .create(withWeatherTool(params("Weather in Paris?")).build());

        ChatCompletionMessageFunctionToolCall call = completion.choices().get(0).message().toolCalls().orElseThrow()
                .get(0).asFunction();
        JsonNode arguments = Json.parse(call.function().arguments());
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("tool_calls");
        assertThat(call.id()).startsWith("call_");
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(arguments.get("location").isString()).isTrue();
        assertThat(mock.ledger().lastGeneration().orElseThrow().toolName()).isEqualTo("get_weather");
    }

    @Test
    void streamedToolCallArgumentsReassembleToTheLedgerText() {
        ChatCompletionCreateParams request = withWeatherTool(params("Weather in Rome?"))
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = mock.openAi().chat().completions().createStreaming(request)) {
            chunks = stream.stream().toList();
        }

        List<ChatCompletionChunk.Choice.Delta.ToolCall> fragments = chunks.stream()
                .flatMap(c -> c.choices().stream())
                .flatMap(choice -> choice.delta().toolCalls().stream().flatMap(List::stream)).toList();
        String arguments = fragments.stream().map(f -> f.function().flatMap(fn -> fn.arguments()).orElse(""))
                .reduce("", String::concat);
        Generation generation = mock.ledger().lastGeneration().orElseThrow();
        assertThat(fragments.get(0).id()).hasValueSatisfying(id -> assertThat(id).startsWith("call_"));
        assertThat(fragments.get(0).function().flatMap(fn -> fn.name())).hasValue("get_weather");
        assertThat(fragments).allSatisfy(f -> assertThat(f.index()).isZero());
        assertThat(arguments).isEqualTo(generation.text());
        assertThat(Json.parse(arguments).get("location").isString()).isTrue();
        assertThat(chunks.get(chunks.size() - 1).usage().orElseThrow().completionTokens())
                .isEqualTo(generation.completionTokens());
    }

    @Test
    void wrongKeyIsRejectedWith401InvalidApiKey() {
        OpenAIClient wrong = mock.openAiClient("sk-wrong-key-0123456789");
        try {
            assertThatThrownBy(() -> wrong.chat().completions().create(params("hi").build()))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.code()).hasValue("invalid_api_key");
                        assertThat(e.type()).hasValue("invalid_request_error");
                        assertThat(e.getMessage()).contains("Incorrect API key provided")
                                .doesNotContain("sk-wrong-key-0123456789");
                    });
        } finally {
            wrong.close();
        }
        assertThat(mock.ledger().generations()).isEmpty();
    }

    private static ChatCompletionCreateParams.Builder withWeatherTool(ChatCompletionCreateParams.Builder builder) {
        FunctionParameters parameters = FunctionParameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
                .build();
        return builder.addFunctionTool(FunctionDefinition.builder().name("get_weather").parameters(parameters)
                        .build())
                .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED);
    }
}
