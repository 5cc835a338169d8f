package dev.switchboard.edge.provider.anthropic;

import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.CLOCK;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.JSON;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicErrorMapperTests {

    private final AnthropicAdapter adapter = new AnthropicAdapter(JSON, CLOCK);

    private GatewayException error(int status, String fixture) {
        return adapter.error(status, new DefaultHttpHeaders(), bytes(fixture));
    }

    private static void assertKind(GatewayException error, ErrorKind kind) {
        assertThat(error.status()).isEqualTo(kind.status());
        assertThat(error.type()).isEqualTo(kind.type());
        assertThat(error.code()).isEqualTo(kind.code());
    }

    @ParameterizedTest
    @CsvSource({
            "400, error-invalid-request.json, INVALID_REQUEST",
            "400, error-prompt-too-long.json, CONTEXT_LENGTH",
            "404, error-not-found.json, NOT_FOUND",
            "413, error-request-too-large.json, REQUEST_TOO_LARGE",
            "429, error-rate-limit.json, RATE_LIMIT",
            "500, error-api.json, SERVER_ERROR",
            "529, error-overloaded.json, OVERLOADED",
            "504, error-timeout.json, TIMEOUT",
            "401, error-authentication.json, AUTHENTICATION",
            "403, error-permission.json, PERMISSION"})
    void classifiesEachAnthropicErrorType(int status, String fixture, ErrorKind kind) {
        assertKind(error(status, fixture), kind);
    }

    @Test
    void passesTheProvidersMessageOnForOrdinaryErrors() {
        assertThat(error(400, "error-prompt-too-long.json").getMessage())
                .isEqualTo("prompt is too long: 208656 tokens > 200000 maximum");
        assertThat(error(529, "error-overloaded.json").getMessage()).isEqualTo("Overloaded");
    }

    @Test
    void neverPassesOnTheTextOfACredentialRefusal() {
        GatewayException authentication = error(401, "error-authentication.json");
        GatewayException permission = error(403, "error-permission.json");

        assertThat(authentication.getMessage()).doesNotContain("x-api-key");
        assertThat(permission.getMessage()).doesNotContain("sk-ant", "SECRETKEY");
        assertThat(permission.getMessage()).isNotBlank();
    }

    @Test
    void usesAFixedMessageForA401WhateverItsBodySays() {
        byte[] echo = ("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"key sk-ant-123 bad\"}}").getBytes(StandardCharsets.UTF_8);

        GatewayException error = adapter.error(401, new DefaultHttpHeaders(), echo);

        assertThat(error.getMessage()).doesNotContain("sk-ant-123");
    }

    @Test
    void treatsA529AsOverloadedEvenWithoutABody() {
        assertKind(adapter.error(529, new DefaultHttpHeaders(), new byte[0]), ErrorKind.OVERLOADED);
    }

    @Test
    void fallsBackOnTheStatusForABodyThatIsNotJson() {
        GatewayException error = error(502, "error-bad-gateway.html");

        assertKind(error, ErrorKind.SERVER_ERROR);
        assertThat(error.getMessage()).isEqualTo("The provider answered HTTP 502.");
        assertKind(adapter.error(503, new DefaultHttpHeaders(), "Service Unavailable".getBytes(StandardCharsets.UTF_8)),
                ErrorKind.OVERLOADED);
    }

    @Test
    void fallsBackOnTheStatusForAnUnknownErrorType() {
        byte[] body = "{\"type\":\"error\",\"error\":{\"type\":\"brand_new_error\",\"message\":\"slow down\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertKind(adapter.error(429, new DefaultHttpHeaders(), body), ErrorKind.RATE_LIMIT);
    }

    @Test
    void carriesTheRetryAfterSeconds() {
        HttpHeaders headers = new DefaultHttpHeaders().add("retry-after", "17");

        assertThat(adapter.error(429, headers, bytes("error-rate-limit.json")).retryAfterSeconds()).isEqualTo(17);
    }

    @Test
    void ignoresARetryAfterThatIsNotSeconds() {
        HttpHeaders date = new DefaultHttpHeaders().add("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT");
        HttpHeaders nonsense = new DefaultHttpHeaders().add("retry-after", "Infinity");

        assertThat(adapter.error(429, date, bytes("error-rate-limit.json")).retryAfterSeconds()).isZero();
        assertThat(adapter.error(429, nonsense, bytes("error-rate-limit.json")).retryAfterSeconds()).isZero();
    }

    @Test
    void mapsAnInBandStreamErrorByItsType() {
        AnthropicErrorMapper mapper = new AnthropicErrorMapper(JSON);

        assertKind(mapper.inBand(JSON.readTree("{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}")),
                ErrorKind.OVERLOADED);
        assertKind(mapper.inBand(JSON.readTree("{\"type\":\"something_new\",\"message\":\"?\"}")),
                ErrorKind.SERVER_ERROR);
    }
}
