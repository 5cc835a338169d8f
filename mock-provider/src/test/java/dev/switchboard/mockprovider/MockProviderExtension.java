package dev.switchboard.mockprovider;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.mockprovider.fault.FaultRules;
import dev.switchboard.mockprovider.ledger.MockLedger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.http.HttpResponse;

/**
 * One {@link MockProvider} with the default keys for a whole test class, registered on a static field with
 * {@code @RegisterExtension}. Each test starts with an empty ledger and no fault rules.
 *
 * <p>The shared SDK clients are built on first use, so classes that only speak raw HTTP never load the SDKs. All
 * clients have retries off, so an injected fault reaches the test exactly as the mock sent it.
 */
public final class MockProviderExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private MockProvider mock;
    private OpenAIClient openAi;
    private AnthropicClient anthropic;

    @Override
    public void beforeAll(ExtensionContext context) {
        mock = MockProvider.start(MockProviderSettings.defaults());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        mock.ledger().clear();
        mock.faults().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (openAi != null) {
            openAi.close();
            openAi = null;
        }
        if (anthropic != null) {
            anthropic.close();
            anthropic = null;
        }
        mock.close();
    }

    public String baseUrl() {
        return mock.baseUrl();
    }

    public MockLedger ledger() {
        return mock.ledger();
    }

    public FaultRules faults() {
        return mock.faults();
    }

    /** The class's openai-java client with the default key; closed after the class. */
    public OpenAIClient openAi() {
        if (openAi == null) {
            openAi = openAiClient(MockProviderSettings.DEFAULT_OPENAI_KEY);
        }
        return openAi;
    }

    /** The class's anthropic-java client with the default key; closed after the class. */
    public AnthropicClient anthropic() {
        if (anthropic == null) {
            anthropic = anthropicClient(MockProviderSettings.DEFAULT_ANTHROPIC_KEY);
        }
        return anthropic;
    }

    /** A new openai-java client for this mock's {@code /v1}; the caller closes it. */
    public OpenAIClient openAiClient(String key) {
        return OpenAIOkHttpClient.builder().apiKey(key).baseUrl(baseUrl() + "/v1").maxRetries(0).build();
    }

    /** A new anthropic-java client for this mock; the caller closes it. */
    public AnthropicClient anthropicClient(String key) {
        return AnthropicOkHttpClient.builder().apiKey(key).baseUrl(baseUrl()).maxRetries(0).build();
    }

    /** A raw POST with the default OpenAI key as bearer token, followed by the given header name-value pairs. */
    public HttpResponse<String> postAsOpenAi(String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "authorization";
        all[1] = "Bearer " + MockProviderSettings.DEFAULT_OPENAI_KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return RawHttp.post(baseUrl() + path, body, all);
    }
}
