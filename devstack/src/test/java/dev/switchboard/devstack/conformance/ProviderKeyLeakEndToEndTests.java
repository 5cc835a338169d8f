package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.devstack.LocalSuite;
import dev.switchboard.devstack.SharedSuite;
import dev.switchboard.mockprovider.ledger.ReceivedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * A provider refusing the gateway's own credential is the gateway's problem: the client gets a 502, and the
 * credential appears nowhere, not in the body, not in a header, not in any service's log. The mock's injected 401
 * quotes the credential it was sent in full, as a careless provider would, so the edge has it in hand and must not
 * pass it on. Raw HTTP, so that every byte the client receives is checked, not just what an SDK exposes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class ProviderKeyLeakEndToEndTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Conformance conformance;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        conformance = new Conformance(suite);
    }

    private HttpResponse<String> post(String path, String body, String authHeader, String authValue)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(conformance.suite().edgeUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01").header(authHeader, authValue)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoProviderKey(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("the provider refused the gateway, not the client").isEqualTo(502);
        for (String key : Conformance.PROVIDER_KEYS) {
            assertThat(response.body()).doesNotContain(key);
            response.headers().map().forEach((name, values) -> assertThat(values).as(name)
                    .allSatisfy(value -> assertThat(value).doesNotContain(key)));
        }
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void neverShowsTheProviderKeyOnChatCompletions(ChatModel model) throws Exception {
        conformance.withFault(model.upstream(), "status=401", () -> {
            for (boolean stream : new boolean[] {false, true}) {
                HttpResponse<String> response = post("/v1/chat/completions", """
                        {"model":"%s","stream":%s,"messages":[{"role":"user","content":"Who am I? %s"}]}"""
                        .formatted(model.id(), stream, UUID.randomUUID()), "authorization",
                        "Bearer " + conformance.suite().demoKey());

                assertNoProviderKey(response);
                JsonNode error = Conformance.JSON.readTree(response.body()).path("error");
                assertThat(error.path("code").asString()).isEqualTo("provider_auth_failed");
                assertTheMockRefusedTheKeyItWasSent(response);
            }
        });
        assertNoProviderKeyInAnyLog();
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void neverShowsTheProviderKeyOnMessages(ChatModel model) throws Exception {
        conformance.withFault(model.upstream(), "status=401", () -> {
            for (boolean stream : new boolean[] {false, true}) {
                HttpResponse<String> response = post("/v1/messages", """
                        {"model":"%s","max_tokens":32,"stream":%s,
                         "messages":[{"role":"user","content":"Who am I? %s"}]}"""
                        .formatted(model.id(), stream, UUID.randomUUID()), "x-api-key",
                        conformance.suite().demoKey());

                assertNoProviderKey(response);
                assertTheMockRefusedTheKeyItWasSent(response);
                assertThat(Conformance.JSON.readTree(response.body()).path("type").asString()).isEqualTo("error");
            }
        });
        assertNoProviderKeyInAnyLog();
    }

    @ParameterizedTest
    @EnumSource(EmbeddingModel.class)
    void neverShowsTheProviderKeyOnEmbeddings(EmbeddingModel model) throws Exception {
        conformance.withFault(model.upstream(), "status=401", () -> {
            HttpResponse<String> response = post("/v1/embeddings", """
                    {"model":"%s","input":"Who am I? %s"}""".formatted(model.id(), UUID.randomUUID()),
                    "authorization", "Bearer " + conformance.suite().demoKey());

            assertNoProviderKey(response);
            assertTheMockRefusedTheKeyItWasSent(response);
        });
        assertNoProviderKeyInAnyLog();
    }

    /** The 502 stands for the mock's refusal of a request that did carry a provider key: the check means something. */
    private void assertTheMockRefusedTheKeyItWasSent(HttpResponse<String> response) {
        ReceivedRequest upstream = conformance.receivedFor(
                response.headers().firstValue("x-request-id").orElseThrow());
        String credentials = Stream.of("authorization", "x-api-key", "x-goog-api-key")
                .map(upstream::header).filter(java.util.Objects::nonNull).reduce("", String::concat) + upstream.uri();
        assertThat(Conformance.PROVIDER_KEYS).anySatisfy(key -> assertThat(credentials).contains(key));
    }

    /** Every service's log under the suite's work directory, the edge's above all. */
    private void assertNoProviderKeyInAnyLog() throws IOException {
        Path work = conformance.suite().settings().workDirectory();
        Path edgeLog = work.resolve("logs").resolve("gateway-edge.log");
        assertThat(edgeLog).as("the edge's log, so this check cannot pass by finding nothing").isNotEmptyFile();
        List<Path> logs;
        try (Stream<Path> files = Files.walk(work)) {
            logs = files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".log")).toList();
        }
        for (Path log : logs) {
            // ISO-8859-1 reads any bytes; the keys are ASCII
            String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
            for (String key : Conformance.PROVIDER_KEYS) {
                assertThat(text).as("%s mentions a provider key", log).doesNotContain(key);
            }
        }
    }
}
