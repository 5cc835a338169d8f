package dev.switchboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds a fresh suite through the services' own admin APIs: the mock provider's deployments and models, real
 * providers whose keys are in the environment, a demo team and a demo key. Idempotent, so a restart re-seeds
 * without duplicates and keeps the demo key it saved.
 */
final class SuiteSeeder {

    static final String DEMO_TEAM = "demo";

    /**
     * A registry entry: public model name, provider, provider's model name, version, prices per 1M tokens
     * ({@code cachedInput} may be null: cached input is then billed as plain input), and its capability facts as
     * the admin API takes them.
     */
    record ModelEntry(String name, String provider, String upstreamModel, String version, String input,
                      String cachedInput, String output, Map<String, Object> facts) {
    }

    /** The vendors' published limits and features for each model family, late 2026. */
    private static final Map<String, Object> GPT_4O_MINI = Map.of("contextWindow", 128_000, "maxOutputTokens",
            16_384, "supportsTools", true, "supportsStructuredOutput", true, "supportsVision", true);
    private static final Map<String, Object> CLAUDE_SONNET = Map.of("contextWindow", 200_000, "maxOutputTokens",
            64_000, "supportsTools", true, "supportsStructuredOutput", true, "supportsVision", true,
            "reasoningTier", "medium");
    private static final Map<String, Object> GEMINI_FLASH = Map.of("contextWindow", 1_048_576, "maxOutputTokens",
            65_536, "supportsTools", true, "supportsStructuredOutput", true, "supportsVision", true,
            "reasoningTier", "low");
    private static final Map<String, Object> EMBEDDING = Map.of("kind", "embedding");

    /** Public list prices as of late 2026, per 1M tokens in USD; the mock bills like the real thing. */
    static final List<ModelEntry> MOCK_MODELS = List.of(
            new ModelEntry("gpt-4o-mini", "mock-openai", "gpt-4o-mini", "2024-07-18", "0.15", "0.075", "0.60",
                    GPT_4O_MINI),
            new ModelEntry("claude-sonnet-4-5", "mock-anthropic", "claude-sonnet-4-5", "20250929", "3", "0.30", "15",
                    CLAUDE_SONNET),
            new ModelEntry("gemini-2.5-flash", "mock-gemini", "gemini-2.5-flash", "001", "0.30", "0.075", "2.50",
                    GEMINI_FLASH),
            // embedding models bill input only, and have no cached-input price
            new ModelEntry("text-embedding-3-small", "mock-openai", "text-embedding-3-small", "1", "0.02", null, "0",
                    EMBEDDING),
            new ModelEntry("gemini-embedding-001", "mock-gemini", "gemini-embedding-001", "001", "0.15", null, "0",
                    EMBEDDING));

    private static final List<ModelEntry> REAL_MODELS = List.of(
            new ModelEntry("openai/gpt-4o-mini", "openai", "gpt-4o-mini", "2024-07-18", "0.15", "0.075", "0.60",
                    GPT_4O_MINI),
            new ModelEntry("anthropic/claude-sonnet-4-5", "anthropic", "claude-sonnet-4-5", "20250929", "3", "0.30", "15",
                    CLAUDE_SONNET),
            new ModelEntry("gemini/gemini-2.5-flash", "gemini", "gemini-2.5-flash", "001", "0.30", "0.075", "2.50",
                    GEMINI_FLASH));

    private final AdminApi routing;
    private final AdminApi quota;
    private final AdminApi quotaInternal;

    SuiteSeeder(AdminApi routing, AdminApi quota, AdminApi quotaInternal) {
        this.routing = routing;
        this.quota = quota;
        this.quotaInternal = quotaInternal;
    }

    /** Registers the mock provider's three vendors, and each real vendor whose key variable is set. */
    void seedRegistry(String mockBaseUrl, Map<String, String> environment) {
        provider("mock-openai", "openai", mockBaseUrl + "/v1", "MOCK_OPENAI_KEY");
        provider("mock-anthropic", "anthropic", mockBaseUrl, "MOCK_ANTHROPIC_KEY");
        provider("mock-gemini", "gemini", mockBaseUrl, "MOCK_GEMINI_KEY");
        MOCK_MODELS.forEach(this::model);
        if (environment.containsKey("OPENAI_API_KEY")) {
            provider("openai", "openai", "https://api.openai.com/v1", "OPENAI_API_KEY");
            model(REAL_MODELS.get(0));
        }
        if (environment.containsKey("ANTHROPIC_API_KEY")) {
            provider("anthropic", "anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY");
            model(REAL_MODELS.get(1));
        }
        if (environment.containsKey("GEMINI_API_KEY")) {
            provider("gemini", "gemini", "https://generativelanguage.googleapis.com", "GEMINI_API_KEY");
            model(REAL_MODELS.get(2));
        }
    }

    /** The demo team's key: the one saved in {@code keyFile} if it still works, else a new one (saved there). */
    String demoKey(Path keyFile) {
        quota.expect("POST", "/api/v1/teams", Map.of("id", DEMO_TEAM, "name", "Demo team"), 201, 409);
        String saved = readSaved(keyFile);
        if (saved != null && stillValid(saved)) {
            return saved;
        }
        Map<String, Object> request = Map.of("name", "demo key", "requestsPerMinute", 6000);
        String key = quota.expect("POST", "/api/v1/teams/" + DEMO_TEAM + "/keys", request, 201)
                .body().path("key").asString();
        try {
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, key, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    private void provider(String id, String type, String baseUrl, String credentialRef) {
        routing.expect("PUT", "/api/v1/providers/" + id,
                Map.of("type", type, "baseUrl", baseUrl, "credentialRef", credentialRef), 200, 201);
    }

    private void model(ModelEntry entry) {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("inputPerMillion", entry.input());
        if (entry.cachedInput() != null) {
            price.put("cachedInputPerMillion", entry.cachedInput());
        }
        price.put("outputPerMillion", entry.output());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", entry.provider());
        body.put("upstreamModel", entry.upstreamModel());
        body.put("version", entry.version());
        body.put("enabled", true);
        body.put("price", price);
        body.putAll(entry.facts());
        routing.expect("PUT", "/api/v1/models/" + entry.name(), body, 200, 201);
    }

    private boolean stillValid(String key) {
        return quotaInternal.send("POST", "/internal/v1/keys/authenticate", Map.of("keyHash", sha256(key)))
                .status() == 200;
    }

    private static String readSaved(Path keyFile) {
        try {
            return Files.isRegularFile(keyFile) ? Files.readString(keyFile, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
