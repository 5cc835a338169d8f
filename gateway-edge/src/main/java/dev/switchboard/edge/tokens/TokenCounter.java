package dev.switchboard.edge.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Counts tokens with the o200k_base encoding. Exact for current OpenAI models and a close estimate for others;
 * estimates only ever size reservations or bill streams the provider never reported usage for.
 */
@Component
public class TokenCounter {

    /** Per-message framing tokens the chat format adds (role markers), as OpenAI documents for its models. */
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_REPLY_PRIMING = 3;

    // loading the encoding takes about a second; done once, at startup, never on a request
    private final Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** Estimated prompt tokens of an OpenAI {@code messages} array: text content, tool arguments and framing. */
    public long countMessages(JsonNode messages) {
        long tokens = TOKENS_PER_REPLY_PRIMING;
        for (JsonNode message : messages) {
            tokens += TOKENS_PER_MESSAGE + countContent(message.path("content"));
            for (JsonNode call : message.path("tool_calls")) {
                tokens += count(call.path("function").path("name").asString(""))
                        + count(call.path("function").path("arguments").asString(""));
            }
        }
        return tokens;
    }

    private long countContent(JsonNode content) {
        if (content.isString()) {
            return count(content.stringValue());
        }
        long tokens = 0;
        for (JsonNode part : content) {
            tokens += count(part.path("text").asString(""));
        }
        return tokens;
    }
}
