package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpstreamClientTests {

    @Test
    void allowsPathsUnderTheRegisteredBaseUrl() {
        assertThat(UpstreamClient.withinBaseUrl("https://api.openai.com/v1", "https://api.openai.com/v1/chat/completions"))
                .isTrue();
        assertThat(UpstreamClient.withinBaseUrl("http://127.0.0.1:18080",
                "http://127.0.0.1:18080/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")).isTrue();
    }

    @Test
    void refusesAnyOtherOrigin() {
        String base = "https://api.openai.com/v1";
        assertThat(UpstreamClient.withinBaseUrl(base, "https://evil.example.com/v1/chat/completions")).isFalse();
        assertThat(UpstreamClient.withinBaseUrl(base, "http://api.openai.com/v1/chat/completions")).isFalse();
        assertThat(UpstreamClient.withinBaseUrl(base, "https://api.openai.com:8443/v1/chat/completions")).isFalse();
        assertThat(UpstreamClient.withinBaseUrl(base, "https://api.openai.com.evil.example.com/v1/x")).isFalse();
        assertThat(UpstreamClient.withinBaseUrl(base, "https://user@api.openai.com/v1/chat/completions")).isFalse();
    }

    @Test
    void refusesPathsThatLeaveTheBasePath() {
        String base = "https://gateway.example.com/openai/v1";
        assertThat(UpstreamClient.withinBaseUrl(base, "https://gateway.example.com/other/v1/chat")).isFalse();
        assertThat(UpstreamClient.withinBaseUrl(base, "https://gateway.example.com/openai/v1x/chat")).isFalse();
        assertThat(UpstreamClient.withinBaseUrl(base, "https://gateway.example.com/openai/v1/../../admin")).isFalse();
        assertThat(UpstreamClient.withinBaseUrl(base, "not a url")).isFalse();
    }
}
