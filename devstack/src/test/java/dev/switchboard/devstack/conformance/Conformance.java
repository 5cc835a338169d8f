package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.devstack.LocalSuite;
import dev.switchboard.devstack.UsageRows;
import dev.switchboard.mockprovider.MockProviderSettings;
import dev.switchboard.mockprovider.ledger.Generation;
import dev.switchboard.mockprovider.ledger.ReceivedRequest;
import dev.switchboard.mockprovider.ledger.Vendor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every conformance test needs from the running suite: the official SDKs pointed at the edge, the served-by
 * headers, the mock's ledger and faults, and the usage rows in Postgres.
 */
final class Conformance {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The credentials the edge holds for the mock; none may ever reach a client or a log. */
    static final List<String> PROVIDER_KEYS = List.of(MockProviderSettings.DEFAULT_OPENAI_KEY,
            MockProviderSettings.DEFAULT_ANTHROPIC_KEY, MockProviderSettings.DEFAULT_GEMINI_KEY);

    /** Something the mock does while a test runs, such as answering with an injected fault. */
    interface Step {
        void run() throws Exception;
    }

    private final LocalSuite suite;
    private final OpenAIClient openAi;
    private final AnthropicClient anthropicApiKey;
    private final AnthropicClient anthropicBearer;

    Conformance(LocalSuite suite) {
        this.suite = suite;
        this.openAi = openAi(suite.demoKey());
        this.anthropicApiKey = anthropicWithApiKeyHeader(suite.demoKey());
        this.anthropicBearer = anthropicWithBearer(suite.demoKey());
    }

    LocalSuite suite() {
        return suite;
    }

    /** The OpenAI SDK with the demo key, as a client would configure it for any OpenAI-compatible server. */
    OpenAIClient openAi() {
        return openAi;
    }

    OpenAIClient openAi(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(suite.edgeUrl() + "/v1").apiKey(key).maxRetries(0).build();
    }

    /** The Anthropic SDK sending the demo key in {@code x-api-key}. */
    AnthropicClient anthropicApiKey() {
        return anthropicApiKey;
    }

    /** The Anthropic SDK sending the demo key as {@code Authorization: Bearer}. */
    AnthropicClient anthropicBearer() {
        return anthropicBearer;
    }

    /**
     * anthropic-java 3.x sends even {@code apiKey(...)} as {@code Authorization: Bearer}, so the {@code x-api-key}
     * header is set as a header of its own; the SDK then adds no Authorization.
     */
    AnthropicClient anthropicWithApiKeyHeader(String key) {
        return AnthropicOkHttpClient.builder().baseUrl(suite.edgeUrl()).putHeader("x-api-key", key).maxRetries(0)
                .build();
    }

    AnthropicClient anthropicWithBearer(String key) {
        return AnthropicOkHttpClient.builder().baseUrl(suite.edgeUrl()).authToken(key).maxRetries(0).build();
    }

    /** Asserts the headers that say who served a request; returns its {@code x-request-id}. */
    static String assertServedBy(Function<String, List<String>> header, SeededModel model) {
        assertThat(header.apply("x-switchboard-provider")).as("x-switchboard-provider")
                .containsExactly(model.provider());
        assertThat(header.apply("x-switchboard-model")).as("x-switchboard-model").containsExactly(model.upstream());
        assertThat(header.apply("x-switchboard-route")).as("x-switchboard-route")
                .containsExactly("model:" + model.id());
        List<String> requestId = header.apply("x-request-id");
        assertThat(requestId).as("x-request-id").hasSize(1);
        assertThat(requestId.get(0)).isNotBlank();
        return requestId.get(0);
    }

    /** The mock's record of the generation the edge's request {@code requestId} caused, checked for its target. */
    Generation generationFor(String requestId, Vendor vendor, String upstreamModel) {
        Generation generation = suite.mockProvider().ledger().generationFor(requestId)
                .orElseThrow(() -> new AssertionError("the mock never served request " + requestId));
        assertThat(generation.vendor()).as("vendor the mock answered as").isEqualTo(vendor);
        assertThat(generation.model()).as("model the provider was asked for").isEqualTo(upstreamModel);
        return generation;
    }

    Generation generationFor(String requestId, SeededModel model) {
        return generationFor(requestId, model.vendor(), model.upstream());
    }

    /** The provider request the edge sent for {@code requestId}, as the mock received it. */
    ReceivedRequest receivedFor(String requestId) {
        return suite.mockProvider().ledger().received().stream()
                .filter(received -> requestId.equals(received.correlationId()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("the mock never received request " + requestId));
    }

    /** Runs {@code step} while the mock applies {@code fault} to {@code model}, and clears the rule afterwards. */
    void withFault(String model, String fault, Step step) throws Exception {
        suite.mockProvider().faults().set(model, fault);
        try {
            step.run();
        } finally {
            suite.mockProvider().faults().clear(model);
        }
    }

    /** The request's usage row, once it arrived through Kafka. */
    Map<String, Object> usageRow(String requestId) throws Exception {
        return UsageRows.await(suite, requestId);
    }

    /**
     * The generation whose request carried {@code prompt}, once the mock stopped adding to it: a cancelled stream
     * stops growing, a stream nobody cancelled runs to its end.
     */
    Generation awaitStopped(String prompt) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Generation latest = null;
        while (System.nanoTime() < deadline) {
            latest = suite.mockProvider().ledger().received().stream()
                    .filter(received -> received.body().contains(prompt))
                    .map(received -> suite.mockProvider().ledger().generationFor(received.correlationId()))
                    .flatMap(java.util.Optional::stream)
                    .findFirst().orElse(null);
            if (latest == null) {
                Thread.sleep(100);
                continue;
            }
            int chunks = latest.contentChunks();
            Thread.sleep(600);
            Generation again = suite.mockProvider().ledger().generationFor(latest.correlationId()).orElseThrow();
            if (again.contentChunks() == chunks) {
                return again;
            }
        }
        throw new AssertionError("the mock never stopped generating: " + latest);
    }
}
