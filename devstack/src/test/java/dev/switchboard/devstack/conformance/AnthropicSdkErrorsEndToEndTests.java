package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.switchboard.devstack.LocalSuite;
import dev.switchboard.devstack.SharedSuite;
import dev.switchboard.mockprovider.ledger.Generation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Failures reach the Anthropic SDK as its own exception types (it picks them by status) in Anthropic's error shape,
 * before a stream starts and inside one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class AnthropicSdkErrorsEndToEndTests {

    private Conformance conformance;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        conformance = new Conformance(suite);
    }

    private static MessageCreateParams.Builder params(String model, String prompt) {
        return MessageCreateParams.builder().model(model).maxTokens(64)
                .addUserMessage(prompt + " " + UUID.randomUUID());
    }

    /** Streams a request to its end, wherever the SDK raises: when the call is made or while reading. */
    private void drain(MessageCreateParams params) {
        try (StreamResponse<RawMessageStreamEvent> stream = conformance.anthropicApiKey().messages()
                .createStreaming(params)) {
            stream.stream().forEach(event -> { });
        }
    }

    @Test
    void refusesAWrongKeySentEitherWayWithAuthenticationError() {
        for (AnthropicClient wrong : List.of(conformance.anthropicWithApiKeyHeader("sb-not-a-real-key"),
                conformance.anthropicWithBearer("sb-not-a-real-key"))) {
            try {
                assertThatThrownBy(() -> wrong.messages().create(params("claude-sonnet-4-5", "hi").build()))
                        .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(401);
                            assertThat(e.type()).hasValue(ErrorType.AUTHENTICATION_ERROR);
                        });
            } finally {
                wrong.close();
            }
        }
    }

    @Test
    void refusesAnUnknownModelWithNotFoundError() {
        assertThatThrownBy(() -> conformance.anthropicApiKey().messages()
                .create(params("no-such-model", "hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.type()).hasValue(ErrorType.NOT_FOUND_ERROR);
                });
        assertThatThrownBy(() -> drain(params("no-such-model", "hi").build())).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void passesAProvidersRateLimitOnWithItsRetryAfter(ChatModel model) throws Exception {
        conformance.withFault(model.upstream(), "status=429;retry-after=3;times=1", () ->
                assertThatThrownBy(() -> conformance.anthropicApiKey().messages()
                        .create(params(model.id(), "Too fast").build()))
                        .isInstanceOfSatisfying(RateLimitException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(429);
                            assertThat(e.type()).hasValue(ErrorType.RATE_LIMIT_ERROR);
                            assertThat(e.headers().values("retry-after")).containsExactly("3");
                        }));
        conformance.withFault(model.upstream(), "status=429;retry-after=7;times=1", () ->
                assertThatThrownBy(() -> drain(params(model.id(), "Too fast, streamed").build()))
                        .isInstanceOfSatisfying(RateLimitException.class,
                                e -> assertThat(e.headers().values("retry-after")).containsExactly("7")));
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void refusesAnOutOfRangeTemperatureWithInvalidRequestError(ChatModel model) {
        assertThatThrownBy(() -> conformance.anthropicApiKey().messages()
                // anthropic-java 3.12 has no temperature setter any more; the API still takes the field (0 to 1)
                .create(params(model.id(), "Too hot").putAdditionalBodyProperty("temperature", JsonValue.from(5))
                        .build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.type()).hasValue(ErrorType.INVALID_REQUEST_ERROR);
                    assertThat(e.apiMessage()).hasValueSatisfying(text -> assertThat(text).contains("temperature"));
                });
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void refusesAnUnknownFieldWithInvalidRequestErrorRatherThanDroppingIt(ChatModel model) {
        assertThatThrownBy(() -> conformance.anthropicBearer().messages()
                .create(params(model.id(), "Extra").putAdditionalBodyProperty("frobnicate",
                        JsonValue.from(Map.of("level", 11))).build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.apiMessage()).hasValueSatisfying(text ->
                                assertThat(text).contains("frobnicate")));
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void raisesAStreamTheProviderBreaksOffAsAnSdkException(ChatModel model) throws Exception {
        List<RawMessageStreamEvent> received = new ArrayList<>();
        String[] requestId = new String[1];
        conformance.withFault(model.upstream(), "disconnect-after-chunks=2;times=1", () -> {
            try (var response = conformance.anthropicApiKey().messages().withRawResponse()
                    .createStreaming(params(model.id(), "Cut me off").build());
                 StreamResponse<RawMessageStreamEvent> stream = response.parse()) {
                requestId[0] = Conformance.assertServedBy(response.headers()::values, model);
                assertThatThrownBy(() -> stream.stream().forEach(received::add))
                        .isInstanceOf(SseException.class);
            }
        });

        Generation cut = conformance.generationFor(requestId[0], model);
        assertThat(cut.completed()).isFalse();
        assertThat(AnthropicSdkMessagesEndToEndTests.text(received)).as("what the client saw before the error")
                .isEqualTo(cut.text()).isNotEmpty();
        assertThat(received).noneMatch(RawMessageStreamEvent::isMessageStop);
        Map<String, Object> row = conformance.usageRow(requestId[0]);
        assertThat(row).containsEntry("error_type", "provider_stream_error")
                .containsEntry("output_tokens", (long) cut.completionTokens());
    }
}
