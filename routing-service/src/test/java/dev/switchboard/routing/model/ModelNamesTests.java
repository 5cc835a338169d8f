package dev.switchboard.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.serviceweb.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o-mini", "claude-sonnet-4-5", "llama3:8b", "meta-llama/Llama-3.1-8B-Instruct",
            "a", "gemini-2.5_pro", "org/team/model"})
    void acceptsNamesClientsSend(String name) {
        assertThat(ModelNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/leading", "trailing/", "double//slash", "has space", "emoji-\u2728", "semi;colon"})
    void rejectsOtherNames(String name) {
        assertThat(ModelNames.isValid(name)).isFalse();
    }

    @Test
    void limitsLengthTo128() {
        assertThat(ModelNames.isValid("m".repeat(128))).isTrue();
        assertThat(ModelNames.isValid("m".repeat(129))).isFalse();
    }

    @Test
    void stripsTheLeadingSlashOfAPathCapture() {
        assertThat(ModelNames.fromPath("/meta-llama/Llama-3.1-8B-Instruct")).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        assertThatThrownBy(() -> ModelNames.fromPath("/")).isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("name: ");
    }
}
