package dev.switchboard.mockprovider.gemini;

import dev.switchboard.mockprovider.answer.Answer;
import dev.switchboard.mockprovider.generation.AnswerFormat;
import dev.switchboard.mockprovider.generation.ReportedUsage;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.StreamEvent;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an answer as a GenerateContentResponse, or as a stream of them: SSE {@code data:} events with
 * {@code alt=sse}, otherwise one JSON array written piece by piece (reference doc §3.3–3.4).
 *
 * @param sse whether a stream is sent as SSE ({@code alt=sse}) rather than as one JSON array
 */
record GeminiResponseFormat(String responseId, String model, Answer answer, ReportedUsage reported,
                            boolean sse) implements AnswerFormat {

    static final String JSON = "application/json; charset=UTF-8";

    /** A function call ends with STOP too: Gemini has no tool-call finish reason. */
    @Override
    public String finishReason() {
        return answer.truncated() ? "MAX_TOKENS" : "STOP";
    }

    @Override
    public String contentType() {
        return JSON;
    }

    @Override
    public String json() {
        return Json.write(response(answer.isToolCall() ? null : answer.text(), finishReason(), answer.tokens()));
    }

    @Override
    public String streamContentType() {
        return sse ? "text/event-stream" : JSON;
    }

    /**
     * One event per token; the last text event also carries the finish reason. A function call arrives whole in one
     * event, as Gemini does not stream arguments. Usage on every event is cumulative.
     */
    @Override
    public List<StreamEvent> events() {
        List<StreamEvent> events = new ArrayList<>();
        if (answer.isToolCall()) {
            events.add(new StreamEvent(frame(response(null, finishReason(), answer.tokens()), sse, true),
                    answer.text(), answer.tokens(), finishReason()));
        } else if (answer.pieces().isEmpty()) {
            events.add(new StreamEvent(frame(response("", finishReason(), 0), sse, true), "", 0, finishReason()));
        } else {
            List<String> pieces = answer.pieces();
            for (int i = 0; i < pieces.size(); i++) {
                boolean last = i == pieces.size() - 1;
                ObjectNode chunk = response(pieces.get(i), last ? finishReason() : null, i + 1);
                events.add(new StreamEvent(frame(chunk, sse, i == 0), pieces.get(i), 1,
                        last ? finishReason() : null));
            }
        }
        if (!sse) {
            events.add(StreamEvent.control("]"));
        }
        return events;
    }

    @Override
    public StreamEvent malformed() {
        String broken = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":";
        return StreamEvent.control(sse ? "data: " + broken + "\n\n" : ",\r\n" + broken);
    }

    /**
     * @param text        the text part, or null to send the function call instead
     * @param finish      finish reason, or null on chunks before the last
     * @param outputSoFar cumulative candidate tokens for usageMetadata
     */
    private ObjectNode response(String text, String finish, int outputSoFar) {
        ObjectNode root = Json.object();
        ObjectNode candidate = root.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        ObjectNode part = content.putArray("parts").addObject();
        if (text != null) {
            part.put("text", text);
        } else {
            ObjectNode call = part.putObject("functionCall");
            call.put("name", answer.toolName());
            call.set("args", Json.parse(answer.text()));
        }
        content.put("role", "model");
        if (finish != null) {
            candidate.put("finishReason", finish);
        }
        candidate.put("index", 0);
        if (!reported.omitted()) {
            // promptTokenCount includes cached content; thoughts come before the answer and are outside
            // candidatesTokenCount (reference §3.3), so every cumulative chunk carries all of them
            int prompt = reported.promptTokens();
            int thoughts = reported.reasoningTokens();
            ObjectNode usage = root.putObject("usageMetadata");
            usage.put("promptTokenCount", prompt);
            usage.put("candidatesTokenCount", outputSoFar);
            usage.put("totalTokenCount", prompt + outputSoFar + thoughts);
            if (reported.cachedTokens() > 0) {
                usage.put("cachedContentTokenCount", reported.cachedTokens());
            }
            if (thoughts > 0) {
                usage.put("thoughtsTokenCount", thoughts);
            }
            usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", prompt);
        }
        root.put("modelVersion", model);
        root.put("responseId", responseId);
        return root;
    }

    private static String frame(ObjectNode chunk, boolean sse, boolean first) {
        if (sse) {
            return "data: " + Json.write(chunk) + "\n\n";
        }
        return (first ? "[" : ",\r\n") + Json.write(chunk);
    }
}
