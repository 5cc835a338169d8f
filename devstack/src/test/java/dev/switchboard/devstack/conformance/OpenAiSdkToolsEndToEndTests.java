package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.switchboard.devstack.LocalSuite;
import dev.switchboard.devstack.SharedSuite;
import dev.switchboard.mockprovider.ledger.Generation;
import dev.switchboard.mockprovider.ledger.Vendor;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tool calling through the OpenAI SDK with every provider behind the edge: forced calls come back as OpenAI
 * tool calls with ids and parseable arguments, streamed or not, and the tool's result travels back upstream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class OpenAiSdkToolsEndToEndTests {

    private Conformance conformance;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        conformance = new Conformance(suite);
    }

    private static ChatCompletionCreateParams.Builder weatherQuestion(ChatModel model, String prompt) {
        return ChatCompletionCreateParams.builder().model(model.id())
                .addUserMessage(prompt)
                .addFunctionTool(WeatherTool.openAi());
    }

    private static ChatCompletionToolChoiceOption named() {
        return ChatCompletionToolChoiceOption.ofNamedToolChoice(ChatCompletionNamedToolChoice.builder()
                .function(ChatCompletionNamedToolChoice.Function.builder().name(WeatherTool.NAME).build()).build());
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void answersANamedToolChoiceWithAToolCall(ChatModel model) {
        HttpResponseFor<ChatCompletion> response = conformance.openAi().chat().completions().withRawResponse()
                .create(weatherQuestion(model, "Weather in Oslo? " + UUID.randomUUID()).toolChoice(named()).build());

        String requestId = Conformance.assertServedBy(response.headers()::values, model);
        ChatCompletion.Choice choice = response.parse().choices().get(0);
        Generation generation = conformance.generationFor(requestId, model);
        assertThat(choice.finishReason().asString()).isEqualTo("tool_calls");
        List<ChatCompletionMessageFunctionToolCall> calls = choice.message().toolCalls().orElseThrow().stream()
                .map(call -> call.asFunction()).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).id()).isNotBlank();
        assertThat(calls.get(0).function().name()).isEqualTo(WeatherTool.NAME);
        assertThat(WeatherTool.assertValidArguments(calls.get(0).function().arguments()))
                .isEqualTo(Conformance.JSON.readTree(generation.text()));
        assertThat(generation.toolName()).isEqualTo(WeatherTool.NAME);
        assertThat(response.parse().usage().orElseThrow().completionTokens()).isEqualTo(generation.completionTokens());
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void streamsToolCallDeltasThatAccumulateToValidJson(ChatModel model) {
        ChatCompletionCreateParams params = weatherQuestion(model, "Weather in Rome? " + UUID.randomUUID())
                .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED).build();
        List<ChatCompletionChunk> chunks;
        String requestId;
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = conformance.openAi().chat()
                .completions().withRawResponse().createStreaming(params);
             StreamResponse<ChatCompletionChunk> stream = response.parse()) {
            requestId = Conformance.assertServedBy(response.headers()::values, model);
            chunks = stream.stream().toList();
        }

        List<ChatCompletionChunk.Choice.Delta.ToolCall> fragments = chunks.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .flatMap(choice -> choice.delta().toolCalls().stream().flatMap(List::stream)).toList();
        assertThat(fragments).isNotEmpty().allSatisfy(fragment -> assertThat(fragment.index()).isZero());
        assertThat(fragments.get(0).id()).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(fragments.get(0).function().flatMap(function -> function.name())).hasValue(WeatherTool.NAME);
        assertThat(fragments.subList(1, fragments.size()))
                .as("only the first fragment of a call carries its id").allSatisfy(f -> assertThat(f.id()).isEmpty());
        String arguments = fragments.stream()
                .map(fragment -> fragment.function().flatMap(function -> function.arguments()).orElse(""))
                .collect(Collectors.joining());
        Generation generation = conformance.generationFor(requestId, model);
        assertThat(WeatherTool.assertValidArguments(arguments)).isEqualTo(Conformance.JSON.readTree(generation.text()));
        assertThat(OpenAiSdkChatEndToEndTests.finishReasons(chunks)).containsExactly("tool_calls");
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void carriesTheToolResultBackToTheProviderOnTheSecondTurn(ChatModel model) {
        String question = "Weather in Lima? " + UUID.randomUUID();
        ChatCompletion first = conformance.openAi().chat().completions()
                .create(weatherQuestion(model, question).toolChoice(named()).build());
        ChatCompletionMessageFunctionToolCall call = first.choices().get(0).message().toolCalls().orElseThrow()
                .get(0).asFunction();
        String result = "sunny" + UUID.randomUUID().toString().replace("-", "");

        HttpResponseFor<ChatCompletion> response = conformance.openAi().chat().completions().withRawResponse()
                .create(weatherQuestion(model, question)
                        .addMessage(first.choices().get(0).message())
                        .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id())
                                .content("{\"forecast\":\"" + result + "\"}").build())
                        .build());

        String requestId = Conformance.assertServedBy(response.headers()::values, model);
        ChatCompletion.Choice choice = response.parse().choices().get(0);
        Generation generation = conformance.generationFor(requestId, model);
        assertThat(choice.finishReason().asString()).isEqualTo("stop");
        assertThat(choice.message().content()).hasValue(generation.text());
        String upstreamBody = conformance.receivedFor(requestId).body();
        assertThat(upstreamBody).as("the tool result reached the provider").contains(result);
        assertThat(upstreamBody).as("the earlier call's name reached the provider").contains(WeatherTool.NAME);
        if (model.vendor() != Vendor.GEMINI) {
            // Gemini pairs calls and results by name; the others by the call's id
            assertThat(upstreamBody).as("the call id pairs result with call").contains(call.id());
        }
    }
}
