package dev.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialRefValidatorTests {

    @ParameterizedTest
    @ValueSource(strings = {"OPENAI_API_KEY", "MOCK_OPENAI_KEY", "_KEY", "openai-key", "switchboard.providers.openai.key",
            "SK_STYLE_NAME"})
    void acceptsSecretNames(String name) {
        assertThat(CredentialRefValidator.isSecretName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-proj-abc123", "sk-ant-api03-xyz", "AIzaSyA1b2c3", "xai-abc", "gsk_abc", "",
            "1PASSWORD", "has space", "KEY=value", "path/to/secret"})
    void rejectsKeysAndMalformedNames(String value) {
        assertThat(CredentialRefValidator.isSecretName(value)).isFalse();
    }

    @Test
    void rejectsNamesLongerThan128() {
        assertThat(CredentialRefValidator.isSecretName("K".repeat(128))).isTrue();
        assertThat(CredentialRefValidator.isSecretName("K".repeat(129))).isFalse();
    }
}
