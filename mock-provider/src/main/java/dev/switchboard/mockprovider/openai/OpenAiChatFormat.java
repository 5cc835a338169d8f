package dev.switchboard.mockprovider.openai;

import dev.switchboard.mockprovider.answer.Answer;
import dev.switchboard.mockprovider.generation.AnswerFormat;
import dev.switchboard.mockprovider.generation.ReportedUsage;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.StreamEvent;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an answer as a {@code chat.completion} body or as {@code chat.completion.chunk} SSE events
 * (reference doc §1.4–1.5).
 */
record OpenAiChatFormat(String responseId, long created, String model, Answer answer, ReportedUsage reported,
                       boolean includeUsage, String toolCallId) implements AnswerFormat {

    static final String SYSTEM_FINGERPRINT = "fp_mock";

    @Override
    public String finishReason() {
        return answer.isToolCall() ? "tool_calls" : answer.truncated() ? "length" : "stop";
    }

    @Override
    public String json() {
        ObjectNode root = envelope("chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (answer.isToolCall()) {
            message.putNull("content");
        } else {
            message.put("content", answer.text());
        }
        message.putNull("refusal");
        message.putArray("annotations");
        if (answer.isToolCall()) {
            ObjectNode call = message.putArray("tool_calls").addObject();
            call.put("id", toolCallId);
            call.put("type", "function");
            ObjectNode function = call.putObject("function");
            function.put("name", answer.toolName());
            function.put("arguments", answer.text());
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason());
        if (!reported.omitted()) {
            root.set("usage", usage());
        }
        root.put("service_tier", "default");
        root.put("system_fingerprint", SYSTEM_FINGERPRINT);
        return Json.write(root);
    }

    @Override
    public List<StreamEvent> events() {
        List<StreamEvent> events = new ArrayList<>();
        ObjectNode roleDelta = Json.object();
        roleDelta.put("role", "assistant");
        if (answer.isToolCall()) {
            roleDelta.putNull("content");
        } else {
            roleDelta.put("content", "");
        }
        roleDelta.putNull("refusal");
        events.add(StreamEvent.control(chunk(roleDelta, null)));
        if (answer.isToolCall()) {
            ObjectNode first = Json.object();
            ObjectNode call = first.putArray("tool_calls").addObject();
            call.put("index", 0);
            call.put("id", toolCallId);
            call.put("type", "function");
            call.putObject("function").put("name", answer.toolName()).put("arguments", "");
            events.add(StreamEvent.content(chunk(first, null), "", answer.headerTokens()));
        }
        for (String piece : answer.pieces()) {
            ObjectNode delta = Json.object();
            if (answer.isToolCall()) {
                delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", piece);
            } else {
                delta.put("content", piece);
            }
            events.add(StreamEvent.content(chunk(delta, null), piece, 1));
        }
        events.add(StreamEvent.finishing(chunk(Json.object(), finishReason()), finishReason()));
        if (includeUsage && !reported.omitted()) {
            ObjectNode usageChunk = header();
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage());
            events.add(StreamEvent.control(data(Json.write(usageChunk))));
        }
        events.add(StreamEvent.control(data("[DONE]")));
        return events;
    }

    /** A chunk cut off mid-JSON, as a proxy that truncated an event would deliver it. */
    @Override
    public StreamEvent malformed() {
        return StreamEvent.control(data("{\"id\":\"" + responseId + "\",\"object\":\"chat.completion.chunk\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":"));
    }

    private String chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = header();
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return data(Json.write(chunk));
    }

    private ObjectNode header() {
        ObjectNode chunk = envelope("chat.completion.chunk");
        chunk.put("service_tier", "default");
        chunk.put("system_fingerprint", SYSTEM_FINGERPRINT);
        return chunk;
    }

    /** The fields a completion and each of its chunks open with, in OpenAI's order. */
    private ObjectNode envelope(String object) {
        ObjectNode node = Json.object();
        node.put("id", responseId);
        node.put("object", object);
        node.put("created", created);
        node.put("model", model);
        return node;
    }

    /** Cached tokens are a subset of the prompt's, reasoning tokens are counted inside the completion's. */
    private ObjectNode usage() {
        int completion = answer.tokens() + reported.reasoningTokens();
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", reported.promptTokens());
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", reported.promptTokens() + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", reported.cachedTokens()).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", reported.reasoningTokens())
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        return usage;
    }

    private static String data(String payload) {
        return "data: " + payload + "\n\n";
    }
}
