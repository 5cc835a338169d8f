package dev.switchboard.edge.models;

import dev.switchboard.contracts.routing.CatalogModel;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.GatewayHeaders;
import dev.switchboard.edge.api.OpenAiErrors;
import dev.switchboard.edge.api.RequestIds;
import dev.switchboard.edge.auth.ApiKeyAuthenticator;
import dev.switchboard.edge.auth.BearerKeys;
import dev.switchboard.edge.messages.AnthropicErrors;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists the caller's models, or shows one, in OpenAI's {@code Model} shape, or in Anthropic's when the caller is an
 * Anthropic client (it sends {@code anthropic-version}), so both SDKs' model listings work against the gateway.
 */
@Component
class ModelsHandler {

    private static final String PREFIX = "/v1/models/";
    private static final String ANTHROPIC_VERSION = "anthropic-version";
    private static final String API_KEY = "x-api-key";

    private final ApiKeyAuthenticator authenticator;
    private final ModelCatalogs catalogs;
    private final OpenAiErrors errors;
    private final AnthropicErrors anthropicErrors;

    ModelsHandler(ApiKeyAuthenticator authenticator, ModelCatalogs catalogs, OpenAiErrors errors, JsonMapper json) {
        this.authenticator = authenticator;
        this.catalogs = catalogs;
        this.errors = errors;
        this.anthropicErrors = new AnthropicErrors(json);
    }

    Mono<ServerResponse> list(ServerRequest request) {
        String requestId = RequestIds.next();
        boolean anthropic = isAnthropic(request);
        return models(request)
                .flatMap(models -> ok(requestId, anthropic ? anthropicList(models) : Map.of("object", "list",
                        "data", models.stream().map(ModelsHandler::openAiModel).toList())))
                .onErrorResume(GatewayException.class, e -> error(e, requestId, anthropic));
    }

    /** Model ids may contain '/', e.g. {@code openai/gpt-4o-mini}, so the id is the rest of the path. */
    Mono<ServerResponse> show(ServerRequest request) {
        String requestId = RequestIds.next();
        String id = request.path().substring(PREFIX.length());
        boolean anthropic = isAnthropic(request);
        Function<CatalogModel, Map<String, Object>> shape = anthropic ? ModelsHandler::anthropicModel
                : ModelsHandler::openAiModel;
        return models(request)
                .flatMap(models -> models.stream().filter(model -> model.id().equals(id)).findFirst()
                        .map(model -> ok(requestId, shape.apply(model)))
                        .orElseThrow(() -> new GatewayException(404, "invalid_request_error", "model_not_found",
                                "model", "The model '" + id + "' does not exist or you do not have access to it.",
                                0)))
                .onErrorResume(GatewayException.class, e -> error(e, requestId, anthropic));
    }

    private static boolean isAnthropic(ServerRequest request) {
        return request.headers().firstHeader(ANTHROPIC_VERSION) != null;
    }

    private Mono<List<CatalogModel>> models(ServerRequest request) {
        String apiKey = request.headers().firstHeader(API_KEY);
        if (apiKey == null || apiKey.isBlank()) {
            apiKey = BearerKeys.from(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        }
        if (apiKey == null) {
            return Mono.error(GatewayException.invalidApiKey());
        }
        return authenticator.authenticate(apiKey.trim())
                .flatMap(key -> catalogs.forTeam(key.teamId()))
                .map(catalog -> catalog.models());
    }

    private Mono<ServerResponse> error(GatewayException error, String requestId, boolean anthropic) {
        if (!anthropic) {
            return errors.render(error, requestId);
        }
        return ServerResponse.status(anthropicErrors.status(error))
                .header(GatewayHeaders.REQUEST_ID, requestId)
                .header("request-id", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(anthropicErrors.body(error, requestId));
    }

    private static Map<String, Object> openAiModel(CatalogModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", model.id());
        json.put("object", "model");
        json.put("created", model.created());
        json.put("owned_by", model.ownedBy());
        return json;
    }

    /** Anthropic's {@code ModelInfo}; the whole catalog is one page. */
    private static Map<String, Object> anthropicList(List<CatalogModel> models) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", models.stream().map(ModelsHandler::anthropicModel).toList());
        json.put("has_more", false);
        json.put("first_id", models.isEmpty() ? null : models.get(0).id());
        json.put("last_id", models.isEmpty() ? null : models.get(models.size() - 1).id());
        return json;
    }

    private static Map<String, Object> anthropicModel(CatalogModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "model");
        json.put("id", model.id());
        json.put("display_name", model.id());
        json.put("created_at", Instant.ofEpochSecond(model.created()).toString());
        return json;
    }

    private static Mono<ServerResponse> ok(String requestId, Object body) {
        return ServerResponse.ok().header(GatewayHeaders.REQUEST_ID, requestId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
