package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RequiredCapabilities;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.edge.provider.ChatRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link RoutePlanRequest} of a request: what route rules match on (task hint, the tags routing asked
 * for) and what filters models (required capabilities). It is the plan cache key, so it holds nothing that varies
 * per request.
 */
@Component
class PlanRequests {

    private final TagKeys tagKeys;

    PlanRequests(TagKeys tagKeys) {
        this.tagKeys = tagKeys;
    }

    /** @param taskHeader the {@code x-switchboard-task} header, or null */
    RoutePlanRequest forChat(String teamId, ChatRequest chat, String taskHeader) {
        Map<String, String> metadata = chat.metadata();
        return new RoutePlanRequest(teamId, chat.model(), TaskHints.of(taskHeader, metadata),
                tagKeys.filter(metadata), ChatCapabilities.required(chat));
    }

    /**
     * Embeddings carry no metadata; only the task header can steer them. The operation keeps them on embedding
     * models: a team pin or a cheapest-capable rule written for chat never applies to them.
     */
    RoutePlanRequest forEmbeddings(String teamId, String model, String taskHeader) {
        return new RoutePlanRequest(teamId, model, TaskHints.of(taskHeader, null), Map.of(),
                RequiredCapabilities.NONE, RoutePlanRequest.EMBEDDING);
    }
}
