package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.api.GatewayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EmbeddingsRequestTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private EmbeddingsRequest parse(String body) {
        return EmbeddingsRequest.from((ObjectNode) json.readTree(body));
    }

    @Test
    void readsTextInputsAndDefaultsToFloats() {
        EmbeddingsRequest one = parse("{\"model\":\"e\",\"input\":\"hello\"}");
        EmbeddingsRequest many = parse("{\"model\":\"e\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"base64\","
                + "\"dimensions\":256,\"user\":\"u1\"}");

        assertThat(one.texts()).containsExactly("hello");
        assertThat(one.encodingFormat()).isEqualTo("float");
        assertThat(many.texts()).containsExactly("a", "b");
        assertThat(many.inputCount()).isEqualTo(2);
        assertThat(many.encodingFormat()).isEqualTo("base64");
        assertThat(many.dimensions()).isEqualTo(256);
        assertThat(many.user()).isEqualTo("u1");
    }

    @Test
    void acceptsTokenArraysWithoutTexts() {
        assertThat(parse("{\"model\":\"e\",\"input\":[1,2,3]}").texts()).isNull();
        assertThat(parse("{\"model\":\"e\",\"input\":[[1,2],[3]]}").inputCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"input\":\"x\"}                                    | model",
            "{\"model\":\"e\"}                                    | input",
            "{\"model\":\"e\",\"input\":[]}                       | input",
            "{\"model\":\"e\",\"input\":[\"a\",1]}                | input",
            "{\"model\":\"e\",\"input\":[\"\"]}                   | input",
            "{\"model\":\"e\",\"input\":[[1],[]]}                 | input",
            "{\"model\":\"e\",\"input\":\"x\",\"encoding_format\":\"hex\"} | encoding_format",
            "{\"model\":\"e\",\"input\":\"x\",\"dimensions\":0}   | dimensions",
            "{\"model\":\"e\",\"input\":\"x\",\"user\":7}         | user",
            "{\"model\":\"e\",\"input\":\"x\",\"base_url\":\"http://evil\"} | base_url"})
    void refusesBadInputNamingTheField(String body, String param) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(GatewayException.class, error -> {
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.param()).isEqualTo(param);
        });
    }

    @Test
    void refusesMoreInputsThanOpenAiAllows() {
        String inputs = "\"x\",".repeat(EmbeddingsRequest.MAX_INPUTS) + "\"x\"";

        assertThatThrownBy(() -> parse("{\"model\":\"e\",\"input\":[" + inputs + "]}"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("at most 2048");
    }
}
