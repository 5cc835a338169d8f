package dev.switchboard.edge.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.provider.TokenUsage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OpenAiStreamTranslatorTests {

    private static final String CONTENT = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"Hello there\"},\"finish_reason\":null}],\"usage\":null}\n\n";
    private static final String USAGE = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":4}}}\n\n";

    private final JsonMapper json = JsonMapper.builder().build();

    /** Whether the translator relayed the event, byte for byte. */
    private static boolean keep(OpenAiStreamTranslator observer, String event) {
        ByteBuf buffer = Unpooled.copiedBuffer(event, StandardCharsets.UTF_8);
        ByteBuf out = Unpooled.buffer();
        try {
            observer.event(buffer, out);
            String relayed = out.toString(StandardCharsets.UTF_8);
            assertThat(relayed).isIn("", event);
            return !relayed.isEmpty();
        } finally {
            buffer.release();
            out.release();
        }
    }

    @Test
    void readsTheUsageChunkAndDropsItWhenTheClientDidNotAskForIt() {
        OpenAiStreamTranslator observer = new OpenAiStreamTranslator(json, false);

        assertThat(keep(observer, CONTENT)).isTrue();
        assertThat(keep(observer, USAGE)).isFalse();
        assertThat(keep(observer, "data: [DONE]\n\n")).isTrue();
        assertThat(observer.usage()).isEqualTo(new TokenUsage(9, 4, 12, 0, false));
        assertThat(observer.done()).isTrue();
    }

    @Test
    void forwardsTheUsageChunkWhenTheClientAskedForIt() {
        OpenAiStreamTranslator observer = new OpenAiStreamTranslator(json, true);

        assertThat(keep(observer, USAGE)).isTrue();
        assertThat(observer.usage().outputTokens()).isEqualTo(12);
    }

    @Test
    void ignoresNullUsageOnContentChunks() {
        OpenAiStreamTranslator observer = new OpenAiStreamTranslator(json, false);

        keep(observer, CONTENT);

        assertThat(observer.usage()).isNull();
        assertThat(observer.done()).isFalse();
    }

    @Test
    void countsContentOfACutStreamWithTheGivenCounter() {
        OpenAiStreamTranslator observer = new OpenAiStreamTranslator(json, false);
        keep(observer, CONTENT);
        keep(observer, CONTENT);

        assertThat(observer.countOutputTokens(text -> text.split(" ").length)).isEqualTo(4);
    }

    @Test
    void notesAnInBandErrorEvent() {
        OpenAiStreamTranslator observer = new OpenAiStreamTranslator(json, false);

        keep(observer, "data: {\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}\n\n");

        assertThat(observer.errorType()).isEqualTo("server_error");
    }
}
