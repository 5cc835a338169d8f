package dev.switchboard.routing.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SecretMaskerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void masksFieldsNamedLikeSecretsAtAnyDepth() {
        JsonNode masked = SecretMasker.mask(JSON.readTree("""
                {"apiKey":"sk-1","client_secret":"s","token":"t","nested":{"accessToken":"a","list":[{"password":"p"}]},
                 "x-api-key":"k","API_KEY":"K"}"""));

        assertThat(masked).isEqualTo(JSON.readTree("""
                {"apiKey":"****","client_secret":"****","token":"****","nested":{"accessToken":"****",
                 "list":[{"password":"****"}]},"x-api-key":"****","API_KEY":"****"}"""));
    }

    @Test
    void masksWholeValueEvenWhenItIsAnObject() {
        JsonNode masked = SecretMasker.mask(JSON.readTree("{\"secret\":{\"value\":\"v\"},\"keys\":1}"));

        assertThat(masked).isEqualTo(JSON.readTree("{\"secret\":\"****\",\"keys\":1}"));
    }

    @Test
    void leavesRegistryFieldsThatOnlyContainTheLettersAlone() {
        String model = """
                {"name":"gpt-4o","maxOutputTokens":4096,"credentialRef":"OPENAI_API_KEY_VAR","keyboard":"k",
                 "monkey":"m","tokenizer":"cl100k","price":{"inputPerMillion":0.15}}""";

        assertThat(SecretMasker.mask(JSON.readTree(model))).isEqualTo(JSON.readTree(model));
    }

    @Test
    void keepsNullSecretsNull() {
        assertThat(SecretMasker.mask(JSON.readTree("{\"apiKey\":null}")).get("apiKey").isNull()).isTrue();
    }

    @Test
    void splitsNamesIntoWords() {
        assertThat(SecretMasker.isSecretName("apiKey")).isTrue();
        assertThat(SecretMasker.isSecretName("signing.key")).isTrue();
        assertThat(SecretMasker.isSecretName("refreshToken")).isTrue();
        assertThat(SecretMasker.isSecretName("maxOutputTokens")).isFalse();
        assertThat(SecretMasker.isSecretName("credentialRef")).isFalse();
    }
}
