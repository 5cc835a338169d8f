package dev.switchboard.mockprovider.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextDelta;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceAny;
import com.anthropic.models.messages.ToolUseBlock;
import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.answer.TokenCounter;
import dev.switchboard.mockprovider.ledger.Generation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official anthropic-java SDK (which sends its key as a bearer token) against the mock. */
class AnthropicSdkIntegrationTests {

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    private static MessageCreateParams.Builder params(String userText, long maxTokens) {
        return MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(maxTokens).addUserMessage(userText);
    }

    @Test
    void messageMatchesTheLedger() {
        Message message = mock.anthropic().messages()
                .create(params("Describe a bridge", 64).system("Be brief.").build());

        Generation generation = mock.ledger().lastGeneration().orElseThrow();
        assertThat(message.id()).isEqualTo(generation.responseId()).startsWith("msg_");
        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo(generation.text());
        assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isEqualTo(24).isEqualTo(generation.completionTokens());
        assertThat(message.usage().inputTokens()).isEqualTo(generation.promptTokens())
                .isEqualTo(TokenCounter.count("Describe a bridge") + TokenCounter.count("Be brief."));
    }

    @Test
    void streamedTextAndUsageEqualTheLedger() {
        List<RawMessageStreamEvent> events;
        try (StreamResponse<RawMessageStreamEvent> stream = mock.anthropic().messages()
                .createStreaming(params("Stream a story", 64).build())) {
            events = stream.stream().toList();
        }

        Generation generation = mock.ledger().lastGeneration().orElseThrow();
        String text = events.stream().flatMap(e -> e.contentBlockDelta().stream())
                .flatMap(d -> d.delta().text().stream()).map(TextDelta::text).reduce("", String::concat);
        long inputTokens = events.get(0).messageStart().orElseThrow().message().usage().inputTokens();
        var delta = events.stream().flatMap(e -> e.messageDelta().stream()).findFirst().orElseThrow();
        assertThat(text).isEqualTo(generation.text()).isNotEmpty();
        assertThat(delta.usage().outputTokens()).isEqualTo(generation.completionTokens()).isEqualTo(24);
        assertThat(delta.delta().stopReason()).hasValue(StopReason.END_TURN);
        assertThat(inputTokens).isEqualTo(generation.promptTokens());
        assertThat(events.get(events.size() - 1).messageStop()).isPresent();
        assertThat(generation.contentChunks()).isEqualTo(24);
        assertThat(generation.completed()).isTrue();
    }

    @Test
    void maxTokensCapStopsWithMaxTokens() {
        Message message = mock.anthropic().messages().create(params("A long essay", 3).build());

        assertThat(message.stopReason()).hasValue(StopReason.MAX_TOKENS);
        assertThat(message.usage().outputTokens()).isEqualTo(3);
    }

    @Test
    void toolChoiceAnyAnswersWithToolUse() {
        Tool tool = Tool.builder().name("get_weather").inputSchema(Tool.InputSchema.builder()
                .properties(Tool.InputSchema.Properties.builder()
                        .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string"))).build())
                .build()).build();

        Message message = mock.anthropic().messages().create(params("Weather in Oslo?", 256).addTool(tool)
                .toolChoice(ToolChoiceAny.builder().build()).build());

        ToolUseBlock use = message.content().get(0).toolUse().orElseThrow();
        assertThat(message.stopReason()).hasValue(StopReason.TOOL_USE);
        assertThat(use.name()).isEqualTo("get_weather");
        assertThat(use.id()).startsWith("toolu_");
        assertThat(use._input().toString()).contains("city");
    }

    @Test
    void wrongKeyIsRejectedWith401AuthenticationError() {
        AnthropicClient wrong = mock.anthropicClient("sk-ant-wrong");
        try {
            assertThatThrownBy(() -> wrong.messages().create(params("hi", 10).build()))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.body().toString()).contains("authentication_error", "invalid x-api-key");
                    });
        } finally {
            wrong.close();
        }
    }
}
