package dev.switchboard.edge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class AnthropicErrorsTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final AnthropicErrors errors = new AnthropicErrors(json);

    private static GatewayException status(int status) {
        return new GatewayException(status, "whatever_error", null, null, "failed", 0);
    }

    @ParameterizedTest
    @CsvSource({
        "400, 400, invalid_request_error",
        "401, 401, authentication_error",
        "402, 402, billing_error",
        "403, 403, permission_error",
        "404, 404, not_found_error",
        "409, 409, invalid_request_error",
        "413, 413, request_too_large",
        "422, 422, invalid_request_error",
        "429, 429, rate_limit_error",
        "500, 500, api_error",
        "502, 502, api_error",
        "503, 529, overloaded_error",
        "529, 529, overloaded_error",
        "504, 504, timeout_error"
    })
    void derivesStatusAndTypeFromTheGatewayStatus(int gatewayStatus, int status, String type) {
        GatewayException error = status(gatewayStatus);

        assertThat(errors.status(error)).isEqualTo(status);
        assertThat(json.readTree(errors.body(error)).at("/error/type").stringValue()).isEqualTo(type);
    }

    @Test
    void mapsEveryErrorKindToAnAnthropicStatus() {
        assertThat(errors.status(ErrorKind.OVERLOADED.exception("busy", 1))).isEqualTo(529);
        assertThat(errors.type(ErrorKind.NOT_FOUND.exception("no such model", 0))).isEqualTo("not_found_error");
        assertThat(errors.type(ErrorKind.CONTEXT_LENGTH.exception("too long", 0))).isEqualTo("invalid_request_error");
        assertThat(errors.type(ErrorKind.SERVER_ERROR.exception("boom", 0))).isEqualTo("api_error");
        assertThat(errors.type(ErrorKind.TIMEOUT.exception("slow", 0))).isEqualTo("timeout_error");
    }

    @Test
    void writesAnthropicsErrorBodyWithTheRequestId() {
        GatewayException error = ErrorKind.RATE_LIMIT.exception("Too many requests for this key.", 3);

        assertThat(json.readTree(errors.body(error, "req_8f2a"))).isEqualTo(json.readTree("""
                {"type":"error","error":{"type":"rate_limit_error","message":"Too many requests for this key."},
                 "request_id":"req_8f2a"}"""));
        assertThat(json.readTree(errors.body(error)).has("request_id")).isFalse();
    }

    @Test
    void leadsTheMessageWithTheFieldItIsAbout() {
        GatewayException error = GatewayException.invalidRequest("model", "you must provide a model parameter");

        assertThat(json.readTree(errors.body(error)).at("/error/message").stringValue())
                .isEqualTo("model: you must provide a model parameter");
    }

    @Test
    void doesNotRepeatAFieldTheMessageAlreadyNames() {
        GatewayException error = RequestFields.invalid("max_tokens", "field required");

        assertThat(json.readTree(errors.body(error)).at("/error/message").stringValue())
                .isEqualTo("max_tokens: field required");
    }

    @Test
    void writesANamedErrorEventForStreams() {
        String event = new String(errors.sseEvent(ErrorKind.OVERLOADED.exception("Overloaded", 1), "req_1"),
                StandardCharsets.UTF_8);

        assertThat(event).startsWith("event: error\ndata: {").endsWith("}\n\n");
        assertThat(event.split("\n")).hasSize(2);
        assertThat(json.readTree(event.substring(event.indexOf('{')))).isEqualTo(json.readTree("""
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}"""));
        assertThat(new String(errors.sseEvent(status(500)), StandardCharsets.UTF_8)).doesNotContain("request_id");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "invalid_request_error, NULL, invalid_request_error",
        "invalid_request_error, not_found, not_found_error",
        "invalid_request_error, request_too_large, request_too_large",
        "invalid_request_error, context_length_exceeded, invalid_request_error",
        "authentication_error, invalid_api_key, authentication_error",
        "rate_limit_error, rate_limit_exceeded, rate_limit_error",
        "insufficient_quota, NULL, rate_limit_error",
        "service_unavailable_error, overloaded, overloaded_error",
        "service_unavailable_error, service_unavailable, overloaded_error",
        "server_error, NULL, api_error",
        "timeout_error, timeout, timeout_error",
        "NULL, NULL, api_error"
    })
    void mapsOpenAiInBandErrorTypes(String type, String code, String anthropicType) {
        assertThat(AnthropicErrors.typeForOpenAiError(type, code)).isEqualTo(anthropicType);
    }
}
