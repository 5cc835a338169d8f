package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.OpenAiChunkWriter;
import dev.switchboard.edge.provider.ProviderAdapter;
import dev.switchboard.edge.provider.TranslatedResponse;
import dev.switchboard.edge.provider.UpstreamRequest;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets OpenAI-format clients reach the Anthropic Messages API ({@code POST {base}/v1/messages}, wire-formats §2):
 * requests, answers, streams and errors are translated both ways. Anthropic has no embeddings API.
 */
public final class AnthropicAdapter implements ProviderAdapter {

    static final String API_VERSION = "2023-06-01";

    private final AnthropicRequestTranslator requests;
    private final AnthropicResponseTranslator responses;
    private final AnthropicErrorMapper errors;
    private final JsonMapper json;
    private final Clock clock;

    public AnthropicAdapter(JsonMapper json) {
        this(json, Clock.systemUTC());
    }

    AnthropicAdapter(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.requests = new AnthropicRequestTranslator(json);
        this.responses = new AnthropicResponseTranslator(json, clock);
        this.errors = new AnthropicErrorMapper(json);
    }

    @Override
    public String providerType() {
        return "anthropic";
    }

    @Override
    public UpstreamRequest chat(ChatRequest request, RouteCandidate candidate, String key) {
        byte[] body = json.writeValueAsBytes(requests.translate(request, candidate.upstreamModel()));
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("x-api-key", key);
        }
        headers.put("anthropic-version", API_VERSION);
        headers.put("content-type", "application/json");
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
        // the registry's base URL is the host root, without /v1 (pitfall 14)
        return new UpstreamRequest(candidate.baseUrl() + "/v1/messages", headers, body);
    }

    @Override
    public TranslatedResponse completion(byte[] body, ChatRequest request, RouteCandidate candidate) {
        return responses.translate(body, ToolsTranslator.jsonMode(request.body()), candidate.upstreamModel());
    }

    @Override
    public ChatStreamTranslator stream(ChatRequest request, RouteCandidate candidate) {
        // message_start replaces this id and model; they only show if the provider skipped it
        OpenAiChunkWriter chunks = new OpenAiChunkWriter(json, clock.instant().getEpochSecond(), "chatcmpl-" + UUID.randomUUID(),
                candidate.upstreamModel());
        return new AnthropicStreamTranslator(json, chunks, errors, request.streamUsageWanted(),
                ToolsTranslator.jsonMode(request.body()));
    }

    @Override
    public GatewayException error(int status, HttpHeaders headers, byte[] body) {
        return errors.map(status, headers, body);
    }
}
