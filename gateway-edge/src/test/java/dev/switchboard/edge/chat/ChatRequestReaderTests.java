package dev.switchboard.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerRequest;
import dev.switchboard.edge.api.JsonBodyReader;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

class ChatRequestReaderTests {

    private static final String VALID = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final JsonMapper json = JsonMapper.builder().build();
    private final ChatRequestReader reader = reader(new ChatApiProperties(1024, 4096, 128, 1_000_000, 10_000));

    private ChatRequestReader reader(ChatApiProperties properties) {
        return new ChatRequestReader(new JsonBodyReader(json, properties.maxRequestBytes()), properties);
    }

    /** A request whose body arrives in pieces of {@code chunk} bytes, without a Content-Length. */
    private static ServerRequest request(String body, int chunk, MediaType contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<DataBuffer> buffers = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += chunk) {
            int to = Math.min(bytes.length, from + chunk);
            byte[] piece = java.util.Arrays.copyOfRange(bytes, from, to);
            buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(piece));
        }
        MockServerHttpRequest.BodyBuilder http = MockServerHttpRequest.post("/v1/chat/completions");
        if (contentType != null) {
            http.contentType(contentType);
        }
        return ServerRequest.create(MockServerWebExchange.from(http.body(Flux.fromIterable(buffers))),
                HandlerStrategies.withDefaults().messageReaders());
    }

    private static ServerRequest request(String body) {
        return request(body, 7, MediaType.APPLICATION_JSON);
    }

    private static Consumer<Throwable> badRequest(String param, String messagePart) {
        return error -> {
            assertThat(error).isInstanceOf(GatewayException.class);
            GatewayException failure = (GatewayException) error;
            assertThat(failure.status()).isEqualTo(400);
            assertThat(failure.type()).isEqualTo("invalid_request_error");
            assertThat(failure.param()).isEqualTo(param);
            assertThat(failure.getMessage()).contains(messagePart);
        };
    }

    @Test
    void readsABodyThatArrivesInManyPieces() {
        StepVerifier.create(reader.read(request(VALID)))
                .assertNext(chat -> {
                    assertThat(chat.model()).isEqualTo("m");
                    assertThat(chat.messages()).hasSize(1);
                })
                .verifyComplete();
    }

    @Test
    void readsMultiByteCharactersSplitAcrossPieces() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"héllo wörld ✓\"}]}";

        StepVerifier.create(reader.read(request(body, 1, MediaType.APPLICATION_JSON)))
                .assertNext(chat -> assertThat(chat.messages().get(0).get("content").stringValue())
                        .isEqualTo("héllo wörld ✓"))
                .verifyComplete();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "none"})
    void parsesJsonWhateverTheContentTypeSays(String type) {
        MediaType contentType = "none".equals(type) ? null : MediaType.parseMediaType(type);

        StepVerifier.create(reader.read(request(VALID, 64, contentType)))
                .assertNext(chat -> assertThat(chat.model()).isEqualTo("m"))
                .verifyComplete();
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        String big = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(2000) + "\"}]}";

        StepVerifier.create(reader.read(request(big, 100, MediaType.APPLICATION_JSON)))
                .expectErrorSatisfies(error -> {
                    GatewayException failure = (GatewayException) error;
                    assertThat(failure.status()).isEqualTo(413);
                    assertThat(failure.type()).isEqualTo("invalid_request_error");
                    assertThat(failure.code()).isEqualTo("request_too_large");
                    assertThat(failure.getMessage()).contains("1024 bytes");
                })
                .verify();
    }

    @Test
    void refusesADeclaredContentLengthOverTheLimitWithoutReadingTheBody() {
        MockServerHttpRequest http = MockServerHttpRequest.post("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON).contentLength(5000)
                .body(Flux.error(new AssertionError("the body must not be read")));
        ServerRequest request = ServerRequest.create(MockServerWebExchange.from(http),
                HandlerStrategies.withDefaults().messageReaders());

        StepVerifier.create(reader.read(request))
                .expectErrorSatisfies(error -> assertThat(((GatewayException) error).status()).isEqualTo(413))
                .verify();
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        String padded = VALID.substring(0, VALID.length() - 1) + ",\"user\":\"";
        String body = padded + "u".repeat(1024 - padded.length() - 2) + "\"}";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(1024);

        StepVerifier.create(reader.read(request(body))).expectNextCount(1).verifyComplete();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n"})
    void refusesAnEmptyBody(String body) {
        StepVerifier.create(reader.read(request(body)))
                .expectErrorSatisfies(badRequest(null, "empty"))
                .verify();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"model\":", "{'model':'m'}", "model=m&messages=hi", "{\"model\":\"m\",}",
            "{\"model\":NaN}"})
    void refusesMalformedJson(String body) {
        StepVerifier.create(reader.read(request(body)))
                .expectErrorSatisfies(badRequest(null, "We could not parse the JSON body of your request"))
                .verify();
    }

    @Test
    void refusesJsonNestedBeyondTheParsersLimit() {
        ChatRequestReader roomy = reader(new ChatApiProperties(1 << 20, 4096, 128, 1_000_000, 10_000));
        String deep = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"metadata\":"
                + "[".repeat(5000) + "]".repeat(5000) + "}";

        StepVerifier.create(roomy.read(request(deep, 4096, MediaType.APPLICATION_JSON)))
                .expectErrorSatisfies(badRequest(null, "nests deeper"))
                .verify();
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] body = {'{', '"', 'm', 'o', 'd', 'e', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        MockServerHttpRequest http = MockServerHttpRequest.post("/v1/chat/completions")
                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        ServerRequest request = ServerRequest.create(MockServerWebExchange.from(http),
                HandlerStrategies.withDefaults().messageReaders());

        StepVerifier.create(reader.read(request))
                .expectErrorSatisfies(badRequest(null, "We could not parse the JSON body of your request"))
                .verify();
    }

    @ParameterizedTest
    @ValueSource(strings = {VALID + " x", VALID + "{}", VALID + "]", VALID + "\"more\""})
    void refusesContentAfterTheObject(String body) {
        StepVerifier.create(reader.read(request(body)))
                .expectErrorSatisfies(badRequest(null, "We could not parse the JSON body of your request"))
                .verify();
    }

    @Test
    void saysWhenTheExtraContentIsAnotherValue() {
        StepVerifier.create(reader.read(request(VALID + "{}")))
                .expectErrorSatisfies(badRequest(null, "more content after the JSON object"))
                .verify();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[" + VALID + "]", "\"hi\"", "42", "null"})
    void refusesABodyThatIsNotAnObject(String body) {
        StepVerifier.create(reader.read(request(body)))
                .expectErrorSatisfies(badRequest(null, "must be a JSON object"))
                .verify();
    }

    @Test
    void refusesADuplicateTopLevelKey() {
        String body = "{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"pricey\"}";

        StepVerifier.create(reader.read(request(body)))
                .expectErrorSatisfies(badRequest(null, "the key 'model' appears more than once"))
                .verify();
    }

    @Test
    void refusesADuplicateKeyNestedInAMessage() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"role\":\"system\"}]}";

        StepVerifier.create(reader.read(request(body)))
                .expectErrorSatisfies(badRequest(null, "the key 'role' appears more than once"))
                .verify();
    }

    @Test
    void refusesADuplicateKeyDeepInAToolSchema() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":"
                + "\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"properties\":"
                + "{\"a\":{\"type\":\"string\"},\"a\":{\"type\":\"number\"}}}}}]}";

        StepVerifier.create(reader.read(request(body)))
                .expectErrorSatisfies(badRequest(null, "the key 'a' appears more than once"))
                .verify();
    }

    @Test
    void leavesTheApplicationsSharedMapperUntouched() {
        assertThat(json.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isFalse();
        assertThat(json.readTree("{\"a\":1,\"a\":2}").get("a").intValue()).isEqualTo(2);
    }

    @Test
    void passesValidationFailuresThroughWithTheirParam() {
        StepVerifier.create(reader.read(request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"temperature\":7}")))
                .expectErrorSatisfies(badRequest("temperature", "between 0 and 2"))
                .verify();
        StepVerifier.create(reader.read(request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"base_url\":\"https://elsewhere.example\"}")))
                .expectErrorSatisfies(badRequest("base_url", "gateway decides"))
                .verify();
    }

    @Test
    void appliesTheLimitsFromItsProperties() {
        ChatRequestReader tight = reader(new ChatApiProperties(1024, 4096, 2, 500, 1));
        String twoMessages = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
                + "{\"role\":\"user\",\"content\":\"b\"}]}";

        StepVerifier.create(tight.read(request(twoMessages))).expectErrorSatisfies(badRequest("messages", "1")).verify();
        StepVerifier.create(tight.read(request(VALID.replace("}]}", "}],\"n\":3}"))))
                .expectErrorSatisfies(badRequest("n", "between 1 and 2")).verify();
        StepVerifier.create(tight.read(request(VALID.replace("}]}", "}],\"max_tokens\":501}"))))
                .expectErrorSatisfies(badRequest("max_tokens", "between 1 and 500")).verify();
        StepVerifier.create(tight.read(request(VALID.replace("}]}", "}],\"max_tokens\":500}"))))
                .assertNext(chat -> assertThat(chat.maxOutputTokens()).isEqualTo(500)).verifyComplete();
    }

    @Test
    void mapsItsPropertiesToRequestLimits() {
        assertThat(new ChatApiProperties(1, 2, 3, 4, 5).limits())
                .satisfies(limits -> {
                    assertThat(limits.maxN()).isEqualTo(3);
                    assertThat(limits.maxOutputTokens()).isEqualTo(4);
                    assertThat(limits.maxMessages()).isEqualTo(5);
                });
    }

    @Test
    void returnsTheValidatedRequestWithNullOptionsRemoved() {
        StepVerifier.create(reader.read(request(VALID.replace("}]}", "}],\"tools\":null,\"stream\":null}"))))
                .assertNext((ChatRequest chat) -> assertThat(chat.body().propertyNames())
                        .containsExactly("model", "messages"))
                .verifyComplete();
    }
}
