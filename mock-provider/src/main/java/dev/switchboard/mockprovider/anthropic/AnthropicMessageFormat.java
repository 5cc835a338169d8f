package dev.switchboard.mockprovider.anthropic;

import dev.switchboard.mockprovider.answer.Answer;
import dev.switchboard.mockprovider.generation.AnswerFormat;
import dev.switchboard.mockprovider.generation.ReportedUsage;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.StreamEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an answer as a Message body or as the named SSE events of a Messages stream, in the order the real API
 * sends them (reference doc §2.3–2.4).
 *
 * @param responseId the message id ({@code msg_…})
 */
record AnthropicMessageFormat(String responseId, String model, Answer answer, ReportedUsage reported,
                              String toolUseId) implements AnswerFormat {

    /** Anthropic's stop reason. */
    @Override
    public String finishReason() {
        return answer.isToolCall() ? "tool_use" : answer.truncated() ? "max_tokens" : "end_turn";
    }

    @Override
    public String json() {
        ObjectNode message = message();
        ObjectNode block = message.putArray("content").addObject();
        if (answer.isToolCall()) {
            block.put("type", "tool_use");
            block.put("id", toolUseId);
            block.put("name", answer.toolName());
            block.set("input", Json.parse(answer.text()));
        } else {
            block.put("type", "text");
            block.put("text", answer.text());
        }
        message.put("stop_reason", finishReason());
        message.putNull("stop_sequence");
        if (!reported.omitted()) {
            message.set("usage", usage(outputTokens()));
        }
        return Json.write(message);
    }

    @Override
    public List<StreamEvent> events() {
        List<StreamEvent> events = new ArrayList<>();
        ObjectNode start = Json.object();
        start.put("type", "message_start");
        ObjectNode message = message();
        start.set("message", message);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        if (!reported.omitted()) {
            // the real API reports a small running output count in message_start; message_delta has the final one
            message.set("usage", usage(Math.min(1, outputTokens())));
        }
        events.add(StreamEvent.control(event("message_start", start)));

        ObjectNode blockStart = Json.object();
        blockStart.put("type", "content_block_start");
        blockStart.put("index", 0);
        ObjectNode block = blockStart.putObject("content_block");
        if (answer.isToolCall()) {
            block.put("type", "tool_use").put("id", toolUseId).put("name", answer.toolName());
            block.putObject("input");
            events.add(StreamEvent.content(event("content_block_start", blockStart), "", answer.headerTokens()));
        } else {
            block.put("type", "text").put("text", "");
            events.add(StreamEvent.control(event("content_block_start", blockStart)));
        }
        // the recorded fixtures show the ping right after the first block start, with a space after the colon
        events.add(StreamEvent.control("event: ping\ndata: {\"type\": \"ping\"}\n\n"));

        for (String piece : answer.pieces()) {
            ObjectNode delta = Json.object();
            delta.put("type", "content_block_delta");
            delta.put("index", 0);
            if (answer.isToolCall()) {
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
            } else {
                delta.putObject("delta").put("type", "text_delta").put("text", piece);
            }
            events.add(StreamEvent.content(event("content_block_delta", delta), piece, 1));
        }
        events.add(StreamEvent.control(event("content_block_stop",
                typed("content_block_stop").put("index", 0))));

        ObjectNode messageDelta = typed("message_delta");
        messageDelta.putObject("delta").put("stop_reason", finishReason()).putNull("stop_sequence");
        if (!reported.omitted()) {
            ObjectNode usage = messageDelta.putObject("usage");
            usage.put("output_tokens", outputTokens());
            thinkingDetails(usage);
        }
        events.add(StreamEvent.finishing(event("message_delta", messageDelta), finishReason()));
        events.add(StreamEvent.control(event("message_stop", typed("message_stop"))));
        return events;
    }

    /** A content_block_delta whose JSON stops mid-value. */
    @Override
    public StreamEvent malformed() {
        return StreamEvent.control("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\n\n");
    }

    private ObjectNode message() {
        ObjectNode message = Json.object();
        message.put("id", responseId);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        return message;
    }

    /** Thinking tokens are billed as output: {@code output_tokens} includes them. */
    private int outputTokens() {
        return answer.tokens() + reported.reasoningTokens();
    }

    /** {@code input_tokens} excludes cache reads, which come in {@code cache_read_input_tokens} (reference §2.3). */
    private ObjectNode usage(int outputTokens) {
        ObjectNode usage = Json.object();
        usage.put("input_tokens", reported.uncachedPromptTokens());
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", reported.cachedTokens());
        usage.put("output_tokens", outputTokens);
        thinkingDetails(usage);
        usage.put("service_tier", "standard");
        return usage;
    }

    /** The thinking part of {@code output_tokens} ({@code output_tokens_details}), sent only when there is some. */
    private void thinkingDetails(ObjectNode usage) {
        if (reported.reasoningTokens() > 0) {
            usage.putObject("output_tokens_details").put("thinking_tokens", reported.reasoningTokens());
        }
    }

    private static ObjectNode typed(String type) {
        ObjectNode node = Json.object();
        node.put("type", type);
        return node;
    }

    private static String event(String name, JsonNode data) {
        return "event: " + name + "\ndata: " + Json.write(data) + "\n\n";
    }
}
