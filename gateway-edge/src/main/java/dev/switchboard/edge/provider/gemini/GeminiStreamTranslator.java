package dev.switchboard.edge.provider.gemini;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.OpenAiChunkWriter;
import dev.switchboard.edge.provider.TokenUsage;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Gemini {@code streamGenerateContent?alt=sse} stream as OpenAI chunks (reference §3.4, §5.4). Each Gemini event is
 * a whole GenerateContentResponse: its text becomes content deltas, each function call one complete tool-call delta,
 * its finish reason the finish chunk. Usage is cumulative, so the last one wins; it and {@code [DONE]}, which Gemini
 * does not send, close the stream.
 */
final class GeminiStreamTranslator implements ChatStreamTranslator {

    /** What has been sent for one candidate (one OpenAI choice). */
    private static final class Choice {
        boolean started;
        boolean finished;
        int toolCalls;
        final StringBuilder text = new StringBuilder();
    }

    private final JsonMapper json;
    private final ChatRequest request;
    private final RouteCandidate route;
    private final GeminiErrorMapper errors;
    private final Map<Integer, Choice> choices = new HashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private OpenAiChunkWriter chunks;
    private TokenUsage usage;
    private String errorType;

    GeminiStreamTranslator(JsonMapper json, ChatRequest request, RouteCandidate route, GeminiErrorMapper errors) {
        this.json = json;
        this.request = request;
        this.route = route;
        this.errors = errors;
    }

    @Override
    public void event(ByteBuf event, ByteBuf out) {
        if (errorType != null) {
            return;
        }
        String data = data(event.toString(StandardCharsets.UTF_8));
        if (data == null || data.isBlank()) {
            return;
        }
        JsonNode response;
        try {
            response = json.readTree(data);
        } catch (JacksonException malformed) {
            response = null;
        }
        if (response == null || !response.isObject()) {
            fail(out, ErrorKind.SERVER_ERROR.exception("The provider sent a stream event the gateway could not "
                    + "read.", 0));
            return;
        }
        if (response.path("error").isObject()) {
            JsonNode error = response.path("error");
            fail(out, errors.map(error.path("code").asInt(500), error, null));
            return;
        }
        translate(response, out);
    }

    private void translate(JsonNode response, ByteBuf out) {
        if (chunks == null) {
            chunks = new OpenAiChunkWriter(json, Instant.now().getEpochSecond(),
                    GeminiResponseTranslator.completionId(response), GeminiResponseTranslator.model(response, route));
        }
        TokenUsage latest = GeminiUsage.read(response.get("usageMetadata"));
        if (latest != null) {
            usage = latest;
        }
        List<GeminiCandidate> candidates = GeminiCandidate.all(json, response);
        if (candidates.isEmpty() && response.path("promptFeedback").path("blockReason").isString()) {
            Choice choice = start(0, out);
            if (!choice.finished) {
                choice.finished = true;
                chunks.finish(out, 0, GeminiFinishReason.CONTENT_FILTER);
            }
        }
        for (GeminiCandidate candidate : candidates) {
            Choice choice = start(candidate.index(), out);
            if (candidate.text() != null && !candidate.text().isEmpty()) {
                choice.text.append(candidate.text());
                chunks.content(out, candidate.index(), candidate.text(),
                        GeminiLogprobs.toOpenAi(json, candidate.logprobs()));
            }
            for (GeminiCandidate.FunctionCall call : candidate.calls()) {
                arguments.add(call.arguments());
                chunks.toolStart(out, candidate.index(), choice.toolCalls++, call.id(), call.name(), call.arguments());
            }
            if (candidate.finishReason() != null && !choice.finished) {
                choice.finished = true;
                chunks.finish(out, candidate.index(),
                        GeminiFinishReason.toOpenAi(candidate.finishReason(), choice.toolCalls > 0));
            }
        }
    }

    private Choice start(int index, ByteBuf out) {
        Choice choice = choices.computeIfAbsent(index, i -> new Choice());
        if (!choice.started) {
            choice.started = true;
            chunks.role(out, index);
        }
        return choice;
    }

    private void fail(ByteBuf out, GatewayException error) {
        errorType = error.type();
        OpenAiChunkWriter.error(json, out, error);
    }

    @Override
    public void end(ByteBuf out) {
        if (errorType != null) {
            return;
        }
        if (request.streamUsageWanted() && usage != null && chunks != null) {
            chunks.usage(out, GeminiUsage.toOpenAi(json, usage));
        }
        OpenAiChunkWriter.done(out);
    }

    @Override
    public TokenUsage usage() {
        return usage;
    }

    @Override
    public String errorType() {
        return errorType;
    }

    @Override
    public long countOutputTokens(ToIntFunction<String> counter) {
        long tokens = 0;
        for (Choice choice : choices.values()) {
            tokens += choice.text.isEmpty() ? 0 : counter.applyAsInt(choice.text.toString());
        }
        for (String argument : arguments) {
            tokens += counter.applyAsInt(argument);
        }
        return tokens;
    }

    /** The joined {@code data:} lines of one SSE event (CRLF or LF), or null when it has none. */
    private static String data(String event) {
        StringBuilder data = null;
        for (String line : event.split("\n")) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.startsWith("data:")) {
                continue;
            }
            String value = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
        return data == null ? null : data.toString();
    }
}
