package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ToolChoiceAny;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
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
 * The official anthropic-java SDK, unmodified, against the edge's {@code /v1/messages} with the mock acting as
 * OpenAI, Anthropic and Gemini in turn, authenticating with {@code x-api-key} and with a bearer token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class AnthropicSdkMessagesEndToEndTests {

    private Conformance conformance;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        conformance = new Conformance(suite);
    }

    static MessageCreateParams.Builder params(ChatModel model, String prompt) {
        return MessageCreateParams.builder().model(model.id()).maxTokens(256).system("Be brief.")
                .addUserMessage(prompt + " " + UUID.randomUUID());
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void answersAMessageToAClientUsingXApiKey(ChatModel model) {
        HttpResponseFor<Message> response = conformance.anthropicApiKey().messages().withRawResponse()
                .create(params(model, "Tell me about forests").build());

        String requestId = Conformance.assertServedBy(response.headers()::values, model);
        Message message = response.parse();
        Generation generation = conformance.generationFor(requestId, model);
        assertThat(message.content()).hasSize(1);
        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo(generation.text()).isNotBlank();
        assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
        assertThat(message.id()).isNotBlank();
        assertThat(message.usage().outputTokens()).isEqualTo(generation.completionTokens());
        assertThat(message.usage().inputTokens()).isEqualTo(generation.promptTokens());
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void streamsAMessageToAClientUsingABearerTokenEndingInMessageStop(ChatModel model) {
        List<RawMessageStreamEvent> events;
        String requestId;
        try (HttpResponseFor<StreamResponse<RawMessageStreamEvent>> response = conformance.anthropicBearer()
                .messages().withRawResponse().createStreaming(params(model, "Stream about gardens").build());
             StreamResponse<RawMessageStreamEvent> stream = response.parse()) {
            requestId = Conformance.assertServedBy(response.headers()::values, model);
            events = stream.stream().toList();
        }

        Generation generation = conformance.generationFor(requestId, model);
        assertThat(events.get(0).isMessageStart()).as("the stream opens with message_start").isTrue();
        assertThat(events.get(events.size() - 1).isMessageStop()).as("the stream ends with message_stop").isTrue();
        assertThat(text(events)).isEqualTo(generation.text()).isNotBlank();
        var delta = events.stream().flatMap(event -> event.messageDelta().stream()).toList();
        assertThat(delta).hasSize(1);
        assertThat(delta.get(0).delta().stopReason()).hasValue(StopReason.END_TURN);
        assertThat(delta.get(0).usage().outputTokens()).isPositive().isEqualTo(generation.completionTokens());
        // an OpenAI or Gemini upstream reports input tokens only at the end, so they arrive in message_delta
        assertThat(delta.get(0).usage().inputTokens()).hasValue((long) generation.promptTokens());
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void answersAForcedToolWithAToolUseBlockAndTakesItsResultBack(ChatModel model) {
        String question = "Weather in Bergen? " + UUID.randomUUID();
        MessageCreateParams.Builder ask = MessageCreateParams.builder().model(model.id()).maxTokens(256)
                .addUserMessage(question).addTool(WeatherTool.anthropic());
        HttpResponseFor<Message> response = conformance.anthropicApiKey().messages().withRawResponse()
                .create(ask.build().toBuilder()
                        .toolChoice(ToolChoiceTool.builder().name(WeatherTool.NAME).build()).build());

        String requestId = Conformance.assertServedBy(response.headers()::values, model);
        Message message = response.parse();
        assertThat(message.stopReason()).hasValue(StopReason.TOOL_USE);
        ToolUseBlock use = message.content().stream().flatMap(block -> block.toolUse().stream()).findFirst()
                .orElseThrow();
        assertThat(use.id()).isNotBlank();
        assertThat(use.name()).isEqualTo(WeatherTool.NAME);
        assertThat(WeatherTool.assertValidArguments(
                Conformance.JSON.writeValueAsString(use._input().convert(Object.class))))
                .isEqualTo(Conformance.JSON.readTree(conformance.generationFor(requestId, model).text()));

        String result = "drizzle" + UUID.randomUUID().toString().replace("-", "");
        HttpResponseFor<Message> second = conformance.anthropicApiKey().messages().withRawResponse()
                .create(ask.addMessage(message).addUserMessageOfContentBlockParams(List.of(
                        ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId(use.id())
                                .content(result).build()))).build());
        String secondId = Conformance.assertServedBy(second.headers()::values, model);
        assertThat(second.parse().stopReason()).hasValue(StopReason.END_TURN);
        String upstreamBody = conformance.receivedFor(secondId).body();
        assertThat(upstreamBody).as("the tool result reached the provider").contains(result);
        if (model.vendor() != Vendor.GEMINI) {
            assertThat(upstreamBody).as("the tool use id pairs result with call").contains(use.id());
        }
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void streamsAForcedToolUseAsInputJsonDeltasThatFormValidJson(ChatModel model) {
        MessageCreateParams params = MessageCreateParams.builder().model(model.id()).maxTokens(256)
                .addUserMessage("Weather in Turku? " + UUID.randomUUID()).addTool(WeatherTool.anthropic())
                .toolChoice(ToolChoiceAny.builder().build()).build();
        List<RawMessageStreamEvent> events;
        String requestId;
        try (HttpResponseFor<StreamResponse<RawMessageStreamEvent>> response = conformance.anthropicBearer()
                .messages().withRawResponse().createStreaming(params);
             StreamResponse<RawMessageStreamEvent> stream = response.parse()) {
            requestId = Conformance.assertServedBy(response.headers()::values, model);
            events = stream.stream().toList();
        }

        ToolUseBlock start = events.stream().flatMap(event -> event.contentBlockStart().stream())
                .flatMap(block -> block.contentBlock().toolUse().stream()).findFirst().orElseThrow();
        assertThat(start.id()).isNotBlank();
        assertThat(start.name()).isEqualTo(WeatherTool.NAME);
        String json = events.stream().flatMap(event -> event.contentBlockDelta().stream())
                .flatMap(delta -> delta.delta().inputJson().stream())
                .map(delta -> delta.partialJson()).collect(Collectors.joining());
        assertThat(WeatherTool.assertValidArguments(json))
                .isEqualTo(Conformance.JSON.readTree(conformance.generationFor(requestId, model).text()));
        assertThat(events.stream().flatMap(event -> event.messageDelta().stream())
                .map(delta -> delta.delta().stopReason().orElseThrow())).containsExactly(StopReason.TOOL_USE);
        assertThat(events.get(events.size() - 1).isMessageStop()).isTrue();
    }

    static String text(List<RawMessageStreamEvent> events) {
        return events.stream().flatMap(event -> event.contentBlockDelta().stream())
                .flatMap(delta -> delta.delta().text().stream())
                .map(delta -> delta.text()).collect(Collectors.joining());
    }
}
