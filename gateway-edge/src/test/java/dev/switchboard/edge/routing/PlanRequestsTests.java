package dev.switchboard.edge.routing;

import static dev.switchboard.edge.routing.ChatBodiesForRouting.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.routing.RequiredCapabilities;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.edge.api.GatewayException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRequestsTests {

    private final TagKeys tagKeys = new TagKeys();
    private final PlanRequests requests = new PlanRequests(tagKeys);

    private static String withMetadata(String metadata) {
        return """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"metadata":%s}"""
                .formatted(metadata);
    }

    @Test
    void takesTheTaskFromTheHeaderBeforeMetadata() {
        RoutePlanRequest request = requests.forChat("team-a",
                chat(withMetadata("{\"task\":\"translate\"}")), "summarize");

        assertThat(request.task()).isEqualTo("summarize");
        assertThat(request.teamId()).isEqualTo("team-a");
        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.requires()).isSameAs(RequiredCapabilities.NONE);
    }

    @Test
    void takesTheTaskFromMetadataWithoutTheHeader() {
        assertThat(requests.forChat("team-a", chat(withMetadata("{\"task\":\"code:review\"}")), null).task())
                .isEqualTo("code:review");
        assertThat(requests.forChat("team-a", chat(withMetadata("{\"app\":\"x\"}")), null).task()).isNull();
    }

    @Test
    void refusesATaskThatIsNoShortPrintableToken() {
        assertThatThrownBy(() -> requests.forChat("team-a", chat(withMetadata("{}")), "sum marize"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.param()).isEqualTo("x-switchboard-task");
                });
        assertThatThrownBy(() -> requests.forChat("team-a", chat(withMetadata("{\"task\":\"%s\"}"
                .formatted("t".repeat(TaskHints.MAX_LENGTH + 1)))), null))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.param()).isEqualTo("metadata.task"));
        assertThatThrownBy(() -> requests.forChat("team-a", chat(withMetadata("{}")), ""))
                .isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> requests.forEmbeddings("team-a", "text-embedding-3-small", "tâche"))
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void embeddingsAskForAnEmbeddingModelAndChatForAChatModel() {
        assertThat(requests.forEmbeddings("team-a", "text-embedding-3-small", null).operation())
                .isEqualTo(RoutePlanRequest.EMBEDDING);
        assertThat(requests.forEmbeddings("team-a", "text-embedding-3-small", "index").task()).isEqualTo("index");
    }

    @Test
    void sendsEveryTagUntilRoutingNamedItsTagKeysThenOnlyThose() {
        String body = withMetadata("{\"tier\":\"gold\",\"trace\":\"t-17\"}");
        assertThat(requests.forChat("team-a", chat(body), null).tags())
                .isEqualTo(Map.of("tier", "gold", "trace", "t-17"));

        tagKeys.update(List.of("tier", "region"));
        assertThat(requests.forChat("team-a", chat(body), null).tags()).isEqualTo(Map.of("tier", "gold"));

        tagKeys.update(List.of());
        assertThat(requests.forChat("team-a", chat(body), null).tags()).isEmpty();
    }

    @Test
    void requestsThatDifferOnlyInUnmatchedTagsShareOneCacheKey() {
        tagKeys.update(List.of("tier"));

        RoutePlanRequest first = requests.forChat("team-a", chat(withMetadata("{\"tier\":\"gold\",\"trace\":\"1\"}")),
                null);
        RoutePlanRequest second = requests.forChat("team-a", chat(withMetadata("{\"tier\":\"gold\",\"trace\":\"2\"}")),
                null);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }
}
