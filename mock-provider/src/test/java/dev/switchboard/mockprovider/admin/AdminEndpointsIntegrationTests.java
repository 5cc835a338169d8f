package dev.switchboard.mockprovider.admin;

import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.RawHttp;
import dev.switchboard.mockprovider.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AdminEndpointsIntegrationTests {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    private static HttpResponse<String> chat(String... headers) {
        return mock.postAsOpenAi("/v1/chat/completions", CHAT, headers);
    }

    @Test
    void healthIsUp() {
        HttpResponse<String> response = RawHttp.get(mock.baseUrl() + "/_mock/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void faultPutAsJsonAppliesToTheNextRequestOnly() {
        HttpResponse<String> put = RawHttp.put(mock.baseUrl() + "/_mock/faults/gpt-4o",
                "{\"status\":429,\"retry-after\":2,\"times\":1}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(Json.parse(RawHttp.get(mock.baseUrl() + "/_mock/faults").body()).get("gpt-4o").stringValue())
                .isEqualTo("status=429;retry-after=2;times=1");
        HttpResponse<String> first = chat();
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("retry-after")).hasValue("2");
        assertThat(chat().statusCode()).isEqualTo(200);
    }

    @Test
    void faultPutInHeaderSyntaxIsClearedByDelete() {
        RawHttp.put(mock.baseUrl() + "/_mock/faults/gpt-4o", "status=500");
        assertThat(chat().statusCode()).isEqualTo(500);

        assertThat(RawHttp.delete(mock.baseUrl() + "/_mock/faults").statusCode()).isEqualTo(204);
        assertThat(chat().statusCode()).isEqualTo(200);
    }

    @Test
    void badFaultIsRejected() {
        assertThat(RawHttp.put(mock.baseUrl() + "/_mock/faults/gpt-4o", "{\"colour\":\"red\"}").statusCode())
                .isEqualTo(400);
        assertThat(mock.faults().rules()).isEmpty();
    }

    @Test
    void correlatesByOpenAisClientRequestIdHeader() {
        chat("X-Client-Request-Id", "req_gateway_1");

        assertThat(mock.ledger().generationFor("req_gateway_1")).isPresent();
    }

    @Test
    void ledgerShowsRequestsAndGenerationsWithCorrelationIds() {
        chat("x-switchboard-request-id", "sb-123");

        JsonNode ledger = Json.parse(RawHttp.get(mock.baseUrl() + "/_mock/ledger").body());
        JsonNode received = ledger.get("received").get(0);
        JsonNode generation = ledger.get("generations").get(0);
        assertThat(ledger.get("received")).hasSize(1);
        assertThat(received.get("uri").stringValue()).isEqualTo("/v1/chat/completions");
        assertThat(received.get("body").stringValue()).isEqualTo(CHAT);
        assertThat(received.get("correlationId").stringValue()).isEqualTo("sb-123");
        assertThat(generation.get("vendor").stringValue()).isEqualTo("openai");
        assertThat(generation.get("correlationId").stringValue()).isEqualTo("sb-123");
        assertThat(generation.get("completionTokens").asInt()).isEqualTo(24);
        assertThat(mock.ledger().generationFor("sb-123")).isPresent();

        assertThat(RawHttp.delete(mock.baseUrl() + "/_mock/ledger").statusCode()).isEqualTo(204);
        assertThat(mock.ledger().received()).isEmpty();
    }

    @Test
    void unknownPathsAre404AndStillRecorded() {
        HttpResponse<String> response = RawHttp.get(mock.baseUrl() + "/v2/nothing?x=1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(mock.ledger().received()).extracting(r -> r.uri()).containsExactly("/v2/nothing?x=1");
    }
}
