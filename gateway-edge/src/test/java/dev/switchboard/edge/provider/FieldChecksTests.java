package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

class FieldChecksTests {

    @ParameterizedTest
    @ValueSource(strings = {"f", "get_weather", "get-weather", "A1", "0", "_-_"})
    void acceptsNamesOfLettersDigitsUnderscoresAndDashes(String name) {
        assertThat(FieldChecks.isName(name)).isTrue();
        assertThat(FieldChecks.isName("x".repeat(64))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "get weather", "a.b", "a/b", "é", "a:b", "f\n"})
    void refusesOtherNames(String name) {
        assertThat(FieldChecks.isName(name)).isFalse();
        assertThat(FieldChecks.isName("x".repeat(65))).isFalse();
    }

    @Test
    void cutsLongEchoedTextButLeavesShortTextAlone() {
        assertThat(FieldChecks.shown("short")).isEqualTo("short");
        assertThat(FieldChecks.shown("x".repeat(1000))).hasSize(101).endsWith("…");
    }

    @Test
    void namesTheActualTypeInTypeErrors() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;

        assertThat(FieldChecks.wrongType("p", "a string", nodes.nullNode()).getMessage())
                .isEqualTo("Invalid type for 'p': expected a string, but got null instead.");
        assertThat(FieldChecks.wrongType("p", "a string", nodes.arrayNode()).getMessage()).contains("got an array");
        assertThat(FieldChecks.wrongType("p", "a string", nodes.objectNode()).getMessage()).contains("got an object");
        assertThat(FieldChecks.wrongType("p", "a string", nodes.booleanNode(true)).getMessage())
                .contains("got a boolean");
        assertThat(FieldChecks.wrongType("p", "a string", nodes.numberNode(1)).getMessage())
                .contains("got an integer");
    }

    @Test
    void reportsIntegerRangesWithoutFloatingPointNoise() {
        assertThat(FieldChecks.tooMany("stop", 4, 5).getMessage()).contains("maximum length 4").contains("length 5");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> FieldChecks.integer(
                JsonNodeFactory.instance.numberNode(new java.math.BigInteger("99999999999999999999")), "seed",
                Long.MIN_VALUE, Long.MAX_VALUE))).hasMessageContaining("9223372036854775807")
                .hasMessageNotContaining("E18");
    }
}
