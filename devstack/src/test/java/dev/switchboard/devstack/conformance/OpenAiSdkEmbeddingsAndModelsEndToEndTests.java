package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import com.openai.models.models.ModelListPage;
import dev.switchboard.devstack.LocalSuite;
import dev.switchboard.devstack.SharedSuite;
import dev.switchboard.mockprovider.ledger.Generation;
import dev.switchboard.mockprovider.ledger.Vendor;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Embeddings (both encodings, OpenAI and Gemini upstream) and the model catalog through the OpenAI SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class OpenAiSdkEmbeddingsAndModelsEndToEndTests {

    private static final int DIMENSIONS = 12;

    private Conformance conformance;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        conformance = new Conformance(suite);
    }

    private HttpResponseFor<CreateEmbeddingResponse> embed(EmbeddingModel model, List<String> texts,
                                                           EmbeddingCreateParams.EncodingFormat format) {
        return conformance.openAi().embeddings().withRawResponse().create(EmbeddingCreateParams.builder()
                .model(model.id()).inputOfArrayOfStrings(texts).dimensions(DIMENSIONS).encodingFormat(format)
                .build());
    }

    @ParameterizedTest
    @EnumSource(EmbeddingModel.class)
    void returnsTheSameVectorsAsFloatsAndAsBase64(EmbeddingModel model) {
        List<String> texts = List.of("the cat sat " + UUID.randomUUID(), "on the mat " + UUID.randomUUID());

        HttpResponseFor<CreateEmbeddingResponse> floats = embed(model, texts,
                EmbeddingCreateParams.EncodingFormat.FLOAT);
        HttpResponseFor<CreateEmbeddingResponse> base64 = embed(model, texts,
                EmbeddingCreateParams.EncodingFormat.BASE64);

        String floatsId = Conformance.assertServedBy(floats.headers()::values, model);
        String base64Id = Conformance.assertServedBy(base64.headers()::values, model);
        conformance.generationFor(floatsId, model.vendor(), model.upstream());
        Generation generation = conformance.generationFor(base64Id, model.vendor(), model.upstream());
        List<Embedding> asFloats = floats.parse().data();
        List<Embedding> decoded = base64.parse().data();
        assertThat(asFloats).extracting(Embedding::index).containsExactly(0L, 1L);
        assertThat(decoded).extracting(Embedding::index).containsExactly(0L, 1L);
        assertThat(asFloats.get(0).embeddingValue().isFloats()).isTrue();
        assertThat(decoded.get(0).embeddingValue().isBase64()).as("the edge answered base64 as asked").isTrue();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(asFloats.get(i).embedding()).hasSize(DIMENSIONS)
                    .as("base64 decodes to the float vector").isEqualTo(decoded.get(i).embedding());
        }
        assertThat(asFloats.get(0).embedding()).isNotEqualTo(asFloats.get(1).embedding());
        assertThat(base64.parse().usage().promptTokens()).isPositive();
        assertThat(base64.parse().usage().totalTokens()).isEqualTo(base64.parse().usage().promptTokens());
        if (model.vendor() == Vendor.OPENAI) {
            // Gemini reports no token counts for embeddings; the edge counts them itself
            assertThat(base64.parse().usage().promptTokens()).isEqualTo(generation.promptTokens());
        }
    }

    @Test
    void listsEverySeededModelAndShowsEachWithItsProvider() {
        HttpResponseFor<ModelListPage> list = conformance.openAi().models().withRawResponse().list();

        assertThat(list.headers().values("x-request-id")).hasSize(1);
        List<Model> models = list.parse().data();
        List<String> expected = Stream.concat(
                Arrays.stream(ChatModel.values()).map(ChatModel::id),
                Arrays.stream(EmbeddingModel.values()).map(EmbeddingModel::id)).toList();
        assertThat(models).extracting(Model::id).containsAll(expected).doesNotHaveDuplicates();
        for (ChatModel chat : ChatModel.values()) {
            Model shown = conformance.openAi().models().retrieve(chat.id());
            assertThat(shown.id()).isEqualTo(chat.id());
            assertThat(shown.ownedBy()).isEqualTo(chat.provider());
            assertThat(shown.created()).isPositive();
        }
        for (EmbeddingModel embedding : EmbeddingModel.values()) {
            assertThat(conformance.openAi().models().retrieve(embedding.id()).ownedBy())
                    .isEqualTo(embedding.provider());
        }
    }
}
