package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * A revoked key, and a rotated key past its overlap, stop working at the edge within the 5 s the issue allows,
 * measured through the running suite: admin API on quota-service, requests through the edge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class KeyRevocationEndToEndTests {

    private static final Duration ALLOWED = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalSuite suite;
    private AdminApi quota;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
        this.quota = suite.quotaAdmin();
    }

    @Test
    void aRevokedKeyIsRefusedAtTheEdgeWithinFiveSeconds() throws Exception {
        AdminApi.Response created = quota.expect("POST", "/api/v1/teams/" + SuiteSeeder.DEMO_TEAM + "/keys",
                Map.of("name", "revocation e2e"), 201);
        String key = created.body().path("key").asString();
        assertThat(chat(key).statusCode()).isEqualTo(200);

        quota.expect("POST", "/api/v1/keys/" + created.body().path("id").asString() + "/revoke", null, 200);
        long revokedAt = System.nanoTime();
        HttpResponse<String> refused = awaitRefused(key, revokedAt);

        Duration took = Duration.ofNanos(System.nanoTime() - revokedAt);
        System.out.printf("revoked key refused at the edge after %d ms%n", took.toMillis());
        assertThat(took).isLessThan(ALLOWED);
        assertThat(JSON.readTree(refused.body()).path("error").path("code").asString()).isEqualTo("invalid_api_key");
    }

    @Test
    void aRotatedKeyWorksThroughItsOverlapAndIsRefusedWithinFiveSecondsAfter() throws Exception {
        AdminApi.Response created = quota.expect("POST", "/api/v1/teams/" + SuiteSeeder.DEMO_TEAM + "/keys",
                Map.of("name", "rotation e2e"), 201);
        String oldKey = created.body().path("key").asString();
        int overlapSeconds = 2;
        AdminApi.Response rotated = quota.expect("POST", "/api/v1/keys/" + created.body().path("id").asString()
                + "/rotate", Map.of("overlapSeconds", overlapSeconds), 201);
        long overlapEnds = System.nanoTime() + Duration.ofSeconds(overlapSeconds).toNanos();
        String newKey = rotated.body().path("key").asString();

        assertThat(chat(oldKey).statusCode()).as("the old key during the overlap").isEqualTo(200);
        assertThat(chat(newKey).statusCode()).isEqualTo(200);

        awaitRefused(oldKey, overlapEnds);
        Duration afterOverlap = Duration.ofNanos(System.nanoTime() - overlapEnds);
        System.out.printf("rotated-out key refused %d ms after its overlap ended%n", afterOverlap.toMillis());
        assertThat(afterOverlap).isLessThan(ALLOWED);
        assertThat(chat(newKey).statusCode()).as("the new key keeps working").isEqualTo(200);
    }

    /** Sends with {@code key} every 100 ms until the edge answers 401, failing past {@code ALLOWED} after {@code from}. */
    private HttpResponse<String> awaitRefused(String key, long from) throws Exception {
        while (true) {
            HttpResponse<String> response = chat(key);
            if (response.statusCode() == 401) {
                return response;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - from)).as("still accepted").isLessThan(ALLOWED);
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> chat(String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Still allowed?"}]}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
