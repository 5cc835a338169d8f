package dev.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlValidatorTests {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:18080/v1", "https://api.openai.com/v1", "HTTPS://api.anthropic.com",
            "http://localhost:8000", "https://generativelanguage.googleapis.com/v1beta"})
    void acceptsAbsoluteHttpUrls(String url) {
        assertThat(HttpUrlValidator.isHttpUrl(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/v1", "api.openai.com/v1", "ftp://example.com", "file:///etc/passwd",
            "http://", "http:///v1", "https://key@api.openai.com", "https://api.openai.com/v1?key=x",
            "https://api.openai.com/v1#frag", "http://exa mple.com", "mailto:a@b.c"})
    void rejectsAnythingElse(String url) {
        assertThat(HttpUrlValidator.isHttpUrl(url)).isFalse();
    }

    @Test
    void rejectsOverlongUrls() {
        assertThat(HttpUrlValidator.isHttpUrl("https://example.com/" + "a".repeat(HttpUrlValidator.MAX_LENGTH)))
                .isFalse();
    }
}
