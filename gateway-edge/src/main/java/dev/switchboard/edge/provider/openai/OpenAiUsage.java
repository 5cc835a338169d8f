package dev.switchboard.edge.provider.openai;

import dev.switchboard.edge.provider.TokenUsage;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an OpenAI {@code usage} object. */
public final class OpenAiUsage {

    private static final byte[] USAGE_KEY = "\"usage\"".getBytes(StandardCharsets.US_ASCII);

    private OpenAiUsage() {
    }

    /** The usage in {@code usage}, or null when it is absent or null. */
    public static TokenUsage read(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        return new TokenUsage(usage.path("prompt_tokens").asLong(0),
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0),
                usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0), false);
    }

    /**
     * The usage of a whole chat completion body, read without parsing the rest of it: OpenAI writes
     * {@code usage} after the choices, so the last {@code "usage"} key is found from the end and only the
     * object after it is parsed. Null when there is none.
     */
    public static TokenUsage readFromCompletion(JsonMapper json, byte[] body) {
        int key = lastIndexOf(body, USAGE_KEY);
        if (key < 0) {
            return null;
        }
        int start = key + USAGE_KEY.length;
        while (start < body.length && (body[start] == ':' || Character.isWhitespace(body[start]))) {
            start++;
        }
        if (start >= body.length || body[start] != '{') {
            return null;
        }
        try (JsonParser parser = json.createParser(body, start, body.length - start)) {
            parser.nextToken();
            // reads this one object and stops; the rest of the body is never looked at
            return read(parser.readValueAsTree());
        } catch (JacksonException malformed) {
            return null;
        }
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
