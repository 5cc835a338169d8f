package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.quota.AdmissionCandidate;
import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.contracts.quota.RateLimitStatus;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.util.UUID;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge in front of stand-ins for quota-service, routing-service and a provider: what it asks admission, how
 * each refusal reaches the client, the limit headers on admitted answers of every kind, and the output ceiling
 * admission assumed reaching the provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuotaAdmissionIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StandInServices SERVICES = new StandInServices();
    private static final RateLimitStatus LIMITS = new RateLimitStatus(60L, 42L, 6_000L, 10_000L, null, 360_000L);
    private static final String CHAT = "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"Say hello to the quota service, please.\"}]%s}";
    private static final String MESSAGES = "{\"model\":\"gpt-test\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say hello.\"}]%s}";

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

    @BeforeEach
    void admitByDefault() {
        SERVICES.metered = false;
        SERVICES.admissionStatus = 200;
        SERVICES.decision = admitted(LIMITS, null, null);
        SERVICES.admissions.clear();
        SERVICES.providerBodies.clear();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "key_unknown,         401, authentication_error,  invalid_api_key,     -",
            "key_revoked,         401, authentication_error,  invalid_api_key,     -",
            "model_not_allowed,   403, permission_error,      model_not_allowed,   model",
            "model_not_priced,    403, permission_error,      model_not_priced,    model",
            "max_tokens_exceeded, 400, invalid_request_error, max_tokens_exceeded, max_tokens",
            "rate_limit_exceeded, 429, rate_limit_error,      rate_limit_exceeded, -",
            "budget_exceeded,     429, insufficient_quota,    budget_exceeded,     -"})
    void showsEachRefusalInOpenAisShape(String reason, int status, String type, String code, String param)
            throws Exception {
        SERVICES.decision = new AdmissionDecision(false, null, reason, 0, 0, "Refused: " + reason + ".", LIMITS,
                null, null);

        HttpResponse<String> response = chat(CHAT.formatted(""));
        JsonNode error = JSON.readTree(response.body()).path("error");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(error.path("type").asString()).isEqualTo(type);
        assertThat(error.path("code").asString()).isEqualTo(code);
        assertThat(error.path("param").asString(null)).isEqualTo(param);
        boolean limited = status == 429;
        if (status != 401) {
            assertThat(error.path("message").asString()).isEqualTo("Refused: " + reason + ".");
        }
        assertThat(response.headers().firstValue("Retry-After")).isEqualTo(limited ? Optional.of("1") : Optional.empty());
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests"))
                .isEqualTo(limited ? Optional.of("42") : Optional.empty());
        assertThat(SERVICES.providerBodies).isEmpty();
    }

    @Test
    void rateLimitedAnthropicClientGetsAnthropicsShapeWithTheLimitHeaders() throws Exception {
        SERVICES.decision = new AdmissionDecision(false, null, AdmissionDecision.RATE_LIMITED, 7, 0,
                "Team 'team-1' is over 60 requests per minute.", LIMITS, null, null);

        HttpResponse<String> response = messages(MESSAGES.formatted(""));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).contains("\"type\":\"rate_limit_error\"")
                .contains("Team 'team-1' is over 60 requests per minute.");
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
        assertThat(response.headers().firstValue("x-ratelimit-limit-requests")).contains("60");
        assertThat(response.headers().firstValue("x-ratelimit-reset-tokens")).contains("6m0s");
    }

    @Test
    void failsClosedWhenQuotaServiceCannotDecide() throws Exception {
        SERVICES.admissionStatus = 503;

        HttpResponse<String> response = chat(CHAT.formatted(""));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body()).contains("\"type\":\"service_unavailable_error\"");
        assertThat(SERVICES.providerBodies).isEmpty();
    }

    @Test
    void meteredKeyAsksAdmissionWithItsPromptTokensAndThePricedCandidates() throws Exception {
        SERVICES.metered = true;

        assertThat(chat(CHAT.formatted("")).statusCode()).isEqualTo(200);

        AdmissionRequest asked = SERVICES.admissions.get(0);
        assertThat(asked.estimatedInputTokens()).isGreaterThan(8);
        assertThat(asked.requestedMaxOutputTokens()).isNull();
        assertThat(asked.maxOutputTokens()).isEqualTo(4096);
        assertThat(asked.operation()).isEqualTo(AdmissionRequest.CHAT);
        assertThat(asked.candidates()).containsExactly(new AdmissionCandidate("gpt-test", StandInServices.PRICE),
                new AdmissionCandidate("gpt-backup", null));
    }

    @Test
    void unmeteredKeyIsNotTokenisedAndItsOwnCapIsPassedOn() throws Exception {
        assertThat(chat(CHAT.formatted(",\"max_tokens\":50")).statusCode()).isEqualTo(200);

        AdmissionRequest asked = SERVICES.admissions.get(0);
        assertThat(asked.estimatedInputTokens()).isZero();
        assertThat(asked.requestedMaxOutputTokens()).isEqualTo(50);
        assertThat(asked.maxOutputTokens()).isEqualTo(50);
    }

    @Test
    void admittedAnswerCarriesTheLimitsTheBudgetWarningAndTheReservation() throws Exception {
        SERVICES.decision = admitted(LIMITS, "team monthly money budget at 84% (soft threshold 80%)", null);

        HttpResponse<String> response = chat(CHAT.formatted(""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertLimitHeaders(response);
        assertThat(response.headers().firstValue("x-switchboard-budget-warning"))
                .contains("team monthly money budget at 84% (soft threshold 80%)");
        JsonNode event = JSON.readTree(PublishedUsage.recordOf(
                response.headers().firstValue("x-request-id").orElseThrow()).value());
        assertThat(event.path("reservationId").asString()).isEqualTo("res-7");
        assertThat(event.path("status").asInt()).isEqualTo(200);
    }

    @Test
    void admittedAnswerWithoutLimitsHasNoLimitHeaders() throws Exception {
        SERVICES.decision = AdmissionDecision.admit("res-8", 99);

        HttpResponse<String> response = chat(CHAT.formatted(""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.startsWith("x-ratelimit-")
                || name.equals("x-switchboard-budget-warning"));
    }

    @Test
    void streamsCarryTheLimitHeadersOnBothApis() throws Exception {
        HttpResponse<String> openAi = chat(CHAT.formatted(",\"stream\":true"));
        HttpResponse<String> anthropic = messages(MESSAGES.formatted(",\"stream\":true"));

        assertThat(openAi.body()).contains("data: [DONE]");
        assertLimitHeaders(openAi);
        assertThat(anthropic.body()).contains("event: message_stop");
        assertLimitHeaders(anthropic);
    }

    @Test
    void anthropicAnswerCarriesTheLimitHeaders() throws Exception {
        HttpResponse<String> response = messages(MESSAGES.formatted(""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"type\":\"message\"");
        assertLimitHeaders(response);
    }

    @Test
    void embeddingsAskAdmissionWithTheirInputTokensAndCarryTheLimitHeaders() throws Exception {
        SERVICES.metered = true;

        HttpResponse<String> response = send(at("/v1/embeddings").header("Authorization", "Bearer " + freshKey()),
                "{\"model\":\"gpt-test\",\"input\":[\"hello quota\",\"hello budget\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertLimitHeaders(response);
        AdmissionRequest asked = SERVICES.admissions.get(0);
        assertThat(asked.operation()).isEqualTo(AdmissionRequest.EMBEDDINGS);
        assertThat(asked.estimatedInputTokens()).isGreaterThanOrEqualTo(4);
        assertThat(asked.maxOutputTokens()).isZero();
        assertThat(asked.candidates()).first().isEqualTo(new AdmissionCandidate("gpt-test", StandInServices.PRICE));
    }

    @Test
    void sendsTheCeilingAdmissionAssumedUpstreamWhenTheRequestSetNoCap() throws Exception {
        SERVICES.decision = admitted(LIMITS, null, 256L);

        assertThat(chat(CHAT.formatted("")).statusCode()).isEqualTo(200);
        assertThat(chat(CHAT.formatted(",\"max_tokens\":50")).statusCode()).isEqualTo(200);

        assertThat(SERVICES.providerBodies.get(0).path("max_completion_tokens").asLong()).isEqualTo(256);
        assertThat(SERVICES.providerBodies.get(1).path("max_tokens").asLong()).isEqualTo(50);
        assertThat(SERVICES.providerBodies.get(1).has("max_completion_tokens")).isFalse();
    }

    private static void assertLimitHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("x-ratelimit-limit-requests")).contains("60");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).contains("42");
        assertThat(response.headers().firstValue("x-ratelimit-reset-requests")).contains("6s");
        assertThat(response.headers().firstValue("x-ratelimit-limit-tokens")).contains("10000");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).isEmpty();
        assertThat(response.headers().firstValue("x-ratelimit-reset-tokens")).contains("6m0s");
    }

    private static AdmissionDecision admitted(RateLimitStatus limits, String warning, Long ceiling) {
        return new AdmissionDecision(true, "res-7", null, 0, 41, null, limits, warning, ceiling);
    }

    private HttpResponse<String> chat(String body) throws Exception {
        return send(at("/v1/chat/completions").header("Authorization", "Bearer " + freshKey()), body);
    }

    private HttpResponse<String> messages(String body) throws Exception {
        return send(at("/v1/messages").header("x-api-key", freshKey()).header("anthropic-version", "2023-06-01"),
                body);
    }

    /** A key the edge has not cached, so each test's key is authenticated with its own {@code metered}. */
    private static String freshKey() {
        return "sb-" + UUID.randomUUID();
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String body) throws Exception {
        return HTTP.send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
