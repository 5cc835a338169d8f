package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
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
 * Failures reach the OpenAI SDK as its own exception types, whatever the provider: clients branch on those
 * classes (and on Retry-After) to decide whether to fix, wait or give up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class OpenAiSdkErrorsEndToEndTests {

    private Conformance conformance;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        conformance = new Conformance(suite);
    }

    private static ChatCompletionCreateParams.Builder params(String model, String prompt) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(prompt + " " + UUID.randomUUID());
    }

    /** Streams a request to its end, wherever the SDK raises: when the call is made or while reading. */
    private void drain(ChatCompletionCreateParams params) {
        try (StreamResponse<ChatCompletionChunk> stream = conformance.openAi().chat().completions()
                .createStreaming(params)) {
            stream.stream().forEach(chunk -> { });
        }
    }

    @Test
    void refusesAWrongKeyWithUnauthorizedException() {
        OpenAIClient wrong = conformance.openAi("sb-not-a-real-key");
        try {
            assertThatThrownBy(() -> wrong.chat().completions().create(params("gpt-4o-mini", "hi").build()))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.code()).hasValue("invalid_api_key");
                    });
            assertThatThrownBy(() -> wrong.embeddings().create(EmbeddingCreateParams.builder()
                    .model("text-embedding-3-small").input("hi").build()))
                    .isInstanceOf(UnauthorizedException.class);
        } finally {
            wrong.close();
        }
    }

    @Test
    void refusesAnUnknownModelWithNotFoundException() {
        assertThatThrownBy(() -> conformance.openAi().chat().completions()
                .create(params("no-such-model", "hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.param()).hasValue("model");
                });
        assertThatThrownBy(() -> drain(params("no-such-model", "hi").build())).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void passesAProvidersRateLimitOnWithItsRetryAfter(ChatModel model) throws Exception {
        conformance.withFault(model.upstream(), "status=429;retry-after=3;times=1", () ->
                assertThatThrownBy(() -> conformance.openAi().chat().completions()
                        .create(params(model.id(), "Too fast").build()))
                        .isInstanceOfSatisfying(RateLimitException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(429);
                            assertThat(e.headers().values("retry-after")).containsExactly("3");
                            assertThat(e.headers().values("x-request-id")).hasSize(1);
                        }));
        conformance.withFault(model.upstream(), "status=429;retry-after=7;times=1", () ->
                assertThatThrownBy(() -> drain(params(model.id(), "Too fast, streamed").build()))
                        .as("a refusal before the first token is a plain error response, not a stream")
                        .isInstanceOfSatisfying(RateLimitException.class,
                                e -> assertThat(e.headers().values("retry-after")).containsExactly("7")));
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void refusesAnOutOfRangeTemperatureWithBadRequestException(ChatModel model) {
        assertThatThrownBy(() -> conformance.openAi().chat().completions()
                .create(params(model.id(), "Too hot").temperature(5.0).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.param()).hasValue("temperature");
                });
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void refusesAnUnknownFieldWithBadRequestExceptionRatherThanDroppingIt(ChatModel model) {
        assertThatThrownBy(() -> conformance.openAi().chat().completions()
                .create(params(model.id(), "Extra").putAdditionalBodyProperty("frobnicate",
                        JsonValue.from(Map.of("level", 11))).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("frobnicate");
                });
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void refusesAnInvalidMaxTokensWithBadRequestExceptionNamingTheField(ChatModel model) {
        assertThatThrownBy(() -> conformance.openAi().chat().completions()
                .create(params(model.id(), "Nothing").maxCompletionTokens(0).build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.param()).hasValue("max_completion_tokens"));
    }

    @ParameterizedTest
    @EnumSource(ChatModel.class)
    void raisesAStreamTheProviderBreaksOffAsAnSdkExceptionAndBillsWhatWasSent(ChatModel model) throws Exception {
        List<String> received = new ArrayList<>();
        String[] requestId = new String[1];
        conformance.withFault(model.upstream(), "disconnect-after-chunks=2;times=1", () -> {
            try (var response = conformance.openAi().chat().completions().withRawResponse()
                    .createStreaming(params(model.id(), "Cut me off").build());
                 StreamResponse<ChatCompletionChunk> stream = response.parse()) {
                requestId[0] = Conformance.assertServedBy(response.headers()::values, model);
                assertThatThrownBy(() -> stream.stream().forEach(chunk -> received.add(
                        OpenAiSdkChatEndToEndTests.text(List.of(chunk)))))
                        .isInstanceOfSatisfying(SseException.class,
                                e -> assertThat(e.code()).hasValue("provider_stream_error"));
            }
        });

        Generation cut = conformance.generationFor(requestId[0], model);
        assertThat(cut.completed()).isFalse();
        assertThat(String.join("", received)).as("what the client saw before the error").isEqualTo(cut.text())
                .isNotEmpty();
        Map<String, Object> row = conformance.usageRow(requestId[0]);
        assertThat(row).containsEntry("error_type", "provider_stream_error")
                .containsEntry("output_tokens", (long) cut.completionTokens());
        assertThat((Long) row.get("input_tokens")).isPositive();
    }
}
