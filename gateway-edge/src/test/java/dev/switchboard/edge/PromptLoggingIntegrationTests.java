package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the edge's real console output (structured JSON, as shipped) holds about prompts: a team that opted in gets
 * one line per request on {@code switchboard.prompts}, naming the request, with prompt and response redacted; a
 * team that did not never has its prompt written anywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PromptLoggingIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StandInServices SERVICES = new StandInServices();
    private static final String SECRETS = "Mail jane.doe@example.com, call +1 415 555 2671, card 4111 1111 1111 1111,"
            + " key sk-proj-AbCdEf0123456789xyzXYZ.";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) throws Exception {
        UnreachableServices.register(registry);
        registry.add("switchboard.edge.services.quota-url", SERVICES::url);
        registry.add("switchboard.edge.services.routing-url", SERVICES::url);
        registry.add("switchboard.edge.usage.bootstrap-servers",
                () -> SwitchboardInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void stopStandIns() {
        SERVICES.close();
    }

    @Test
    void logsAnOptedInTeamsPromptAndResponseRedactedAndNeverAnotherTeamsPrompt(CapturedOutput output)
            throws Exception {
        SERVICES.logPrompts = false;
        HttpResponse<String> quiet = chat("sb-quiet-team-key", "Private zebra-4417 plans. " + SECRETS, false);
        SERVICES.logPrompts = true;
        HttpResponse<String> chatty = chat("sb-chatty-team-key", "Hello there. " + SECRETS, false);
        HttpResponse<String> streamed = chat("sb-chatty-team-key", "Stream it. " + SECRETS, true);
        assertThat(List.of(quiet.statusCode(), chatty.statusCode(), streamed.statusCode())).containsOnly(200);

        JsonNode line = promptLine(output, chatty.headers().firstValue("x-request-id").orElseThrow());
        String prompt = field(line, "prompt");
        assertThat(prompt).startsWith("user: Hello there. Mail [REDACTED:email], call [REDACTED:phone], card "
                + "[REDACTED:card], key [REDACTED:api_key].");
        assertThat(field(line, "response")).isEqualTo("Hi\n");
        assertThat(field(line, "team.id")).isEqualTo("team-1");
        JsonNode streamedLine = promptLine(output, streamed.headers().firstValue("x-request-id").orElseThrow());
        assertThat(field(streamedLine, "prompt")).startsWith("user: Stream it. Mail [REDACTED:email]");
        assertThat(field(streamedLine, "response")).isEqualTo("Hi");

        String everything = output.getAll();
        assertThat(everything).doesNotContain("zebra-4417").doesNotContain("jane.doe@example.com")
                .doesNotContain("4111 1111 1111 1111").doesNotContain("sk-proj-AbCdEf0123456789xyzXYZ")
                .doesNotContain("555 2671");
    }

    private HttpResponse<String> chat(String key, String content, boolean stream) throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("model", "gpt-test").put("stream", stream)
                .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user")
                        .put("content", content))));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON console line the prompt logger wrote for the request, once the log thread has written it. */
    private static JsonNode promptLine(CapturedOutput output, String requestId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
                    .map(JSON::readTree)
                    .filter(node -> "switchboard.prompts".equals(node.path("log").path("logger").asString(
                            node.path("log.logger").asString(""))))
                    .filter(node -> requestId.equals(field(node, "request.id")))
                    .toList();
            if (!lines.isEmpty()) {
                assertThat(lines).hasSize(1);
                return lines.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no prompt log line for " + requestId + " in:\n" + output.getOut());
    }

    /** A field of an ECS line, written flat ({@code request.id}) or nested ({@code request: {id}}). */
    private static String field(JsonNode line, String name) {
        if (line.path(name).isString()) {
            return line.path(name).asString();
        }
        JsonNode node = line;
        for (String part : name.split("\\.")) {
            node = node.path(part);
        }
        return node.isString() ? node.asString() : null;
    }
}
