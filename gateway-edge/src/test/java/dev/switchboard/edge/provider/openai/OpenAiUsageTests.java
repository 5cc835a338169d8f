package dev.switchboard.edge.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.provider.TokenUsage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OpenAiUsageTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private TokenUsage read(String body) {
        return OpenAiUsage.readFromCompletion(json, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheUsageAtTheEndOfACompletion() {
        assertThat(read("""
                {"id":"c","choices":[{"message":{"content":"the word \\"usage\\" in content"}}],
                 "usage": {"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
                           "prompt_tokens_details":{"cached_tokens":3}},"system_fingerprint":"fp"}"""))
                .isEqualTo(new TokenUsage(19, 3, 10, 0, false));
    }

    @Test
    void findsNothingWhenUsageIsAbsentOrNull() {
        assertThat(read("{\"id\":\"c\",\"choices\":[]}")).isNull();
        assertThat(read("{\"id\":\"c\",\"usage\":null}")).isNull();
    }

    @Test
    void findsNothingInABrokenBody() {
        assertThat(read("{\"usage\":{\"prompt_tokens\":")).isNull();
    }
}
