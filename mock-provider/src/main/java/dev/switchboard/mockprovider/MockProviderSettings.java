package dev.switchboard.mockprovider;

/**
 * How to start a {@link MockProvider}.
 *
 * @param port         TCP port; 0 picks a free one
 * @param openAiKey    key expected in {@code Authorization: Bearer}
 * @param anthropicKey key expected in {@code x-api-key} or {@code Authorization: Bearer}
 * @param geminiKey    key expected in {@code x-goog-api-key} or {@code ?key=}
 */
public record MockProviderSettings(int port, String openAiKey, String anthropicKey, String geminiKey) {

    public static final String DEFAULT_OPENAI_KEY = "sk-mock-openai";
    public static final String DEFAULT_ANTHROPIC_KEY = "sk-ant-mock";
    public static final String DEFAULT_GEMINI_KEY = "mock-gemini-key";

    public MockProviderSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (isBlank(openAiKey) || isBlank(anthropicKey) || isBlank(geminiKey)) {
            throw new IllegalArgumentException("API keys must not be blank");
        }
    }

    /** A free port and the default keys. */
    public static MockProviderSettings defaults() {
        return new MockProviderSettings(0, DEFAULT_OPENAI_KEY, DEFAULT_ANTHROPIC_KEY, DEFAULT_GEMINI_KEY);
    }

    public MockProviderSettings withPort(int newPort) {
        return new MockProviderSettings(newPort, openAiKey, anthropicKey, geminiKey);
    }

    public MockProviderSettings withOpenAiKey(String key) {
        return new MockProviderSettings(port, key, anthropicKey, geminiKey);
    }

    public MockProviderSettings withAnthropicKey(String key) {
        return new MockProviderSettings(port, openAiKey, key, geminiKey);
    }

    public MockProviderSettings withGeminiKey(String key) {
        return new MockProviderSettings(port, openAiKey, anthropicKey, key);
    }

    /** Leaves the keys out, so logging the settings never leaks them. */
    @Override
    public String toString() {
        return "MockProviderSettings[port=" + port + ", keys=<hidden>]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
