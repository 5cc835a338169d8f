package dev.switchboard.edge.models;

import dev.switchboard.contracts.routing.CatalogModel;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.GatewayHeaders;
import dev.switchboard.edge.api.OpenAiErrors;
import dev.switchboard.edge.api.RequestIds;
import dev.switchboard.edge.auth.ApiKeyAuthenticator;
import dev.switchboard.edge.auth.BearerKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Lists the caller's models, or shows one, in OpenAI's {@code Model} shape. */
@Component
class ModelsHandler {

    private static final String PREFIX = "/v1/models/";

    private final ApiKeyAuthenticator authenticator;
    private final ModelCatalogs catalogs;
    private final OpenAiErrors errors;

    ModelsHandler(ApiKeyAuthenticator authenticator, ModelCatalogs catalogs, OpenAiErrors errors) {
        this.authenticator = authenticator;
        this.catalogs = catalogs;
        this.errors = errors;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        String requestId = RequestIds.next();
        return models(request)
                .flatMap(models -> ok(requestId, Map.of("object", "list",
                        "data", models.stream().map(ModelsHandler::openAiModel).toList())))
                .onErrorResume(GatewayException.class, e -> errors.render(e, requestId));
    }

    /** Model ids may contain '/', e.g. {@code openai/gpt-4o-mini}, so the id is the rest of the path. */
    Mono<ServerResponse> show(ServerRequest request) {
        String requestId = RequestIds.next();
        String id = request.path().substring(PREFIX.length());
        return models(request)
                .flatMap(models -> models.stream().filter(model -> model.id().equals(id)).findFirst()
                        .map(model -> ok(requestId, openAiModel(model)))
                        .orElseThrow(() -> new GatewayException(404, "invalid_request_error", "model_not_found",
                                "model", "The model '" + id + "' does not exist or you do not have access to it.",
                                0)))
                .onErrorResume(GatewayException.class, e -> errors.render(e, requestId));
    }

    private Mono<List<CatalogModel>> models(ServerRequest request) {
        String apiKey = BearerKeys.from(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        if (apiKey == null) {
            return Mono.error(GatewayException.invalidApiKey());
        }
        return authenticator.authenticate(apiKey)
                .flatMap(key -> catalogs.forTeam(key.teamId()))
                .map(catalog -> catalog.models());
    }

    private static Map<String, Object> openAiModel(CatalogModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", model.id());
        json.put("object", "model");
        json.put("created", model.created());
        json.put("owned_by", model.ownedBy());
        return json;
    }

    private static Mono<ServerResponse> ok(String requestId, Object body) {
        return ServerResponse.ok().header(GatewayHeaders.REQUEST_ID, requestId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
