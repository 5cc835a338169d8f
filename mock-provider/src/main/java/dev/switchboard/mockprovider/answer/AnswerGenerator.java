package dev.switchboard.mockprovider.answer;

import dev.switchboard.mockprovider.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes the mock's answers: the same request always gets the same answer, so tests can predict and compare it.
 *
 * <p>Words are drawn from a fixed list of common words that o200k_base encodes as one token each, with or without
 * their leading space, so any prefix of the answer re-tokenizes to exactly the tokens sent; a test that counts the
 * tokens of a cut stream's text gets the ledger's number.
 */
public final class AnswerGenerator {

    /** Answer length when the request does not say (header {@code x-mock-answer-tokens}). */
    public static final int DEFAULT_ANSWER_TOKENS = 24;

    private static final int MAX_TOOL_ARGUMENTS = 6;

    private static final String[] WORDS = {
            "the", "quick", "signal", "river", "light", "stone", "green", "model", "answer", "window",
            "market", "simple", "garden", "paper", "music", "table", "winter", "summer", "forest", "book",
            "bridge", "city", "road", "story", "number", "water", "cloud", "silver", "yellow", "orange",
            "travel", "engine", "system", "network", "letter", "door", "song", "planet", "world", "time",
            "coffee", "bread", "field", "machine", "energy", "circle", "square", "report", "camera", "voice",
            "house", "school", "friend", "family", "animal", "flower", "history", "science", "language", "picture",
            "ticket", "garage", "game", "season"
    };

    private AnswerGenerator() {
    }

    /**
     * The answer to a request.
     *
     * @param request         the parsed request
     * @param requestedTokens length asked for by {@code x-mock-answer-tokens}, or null for the default
     */
    public static Answer answer(ChatRequest request, Integer requestedTokens) {
        SplittableRandom random = new SplittableRandom(seed(request.lastUserText()));
        if (request.forcedTool() != null) {
            // Tool calls are short and not cut by the output cap: truncated arguments would not be valid JSON,
            // and Gemini has no way to send partial arguments at all.
            return toolCall(request.forcedTool(), random);
        }
        int wanted = requestedTokens != null ? requestedTokens : DEFAULT_ANSWER_TOKENS;
        Integer cap = request.maxOutputTokens();
        boolean truncated = cap != null && cap < wanted;
        return new Answer(words(random, truncated ? cap : wanted), null, 0, truncated);
    }

    private static List<String> words(SplittableRandom random, int tokens) {
        if (tokens <= 0) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        List<String> pieces = List.of();
        while (pieces.size() < tokens) {
            // every word is at least one token, so adding one word per missing token never overshoots by much
            for (int missing = tokens - pieces.size(); missing > 0; missing--) {
                text.append(text.isEmpty() ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            pieces = TokenCounter.pieces(text.toString());
        }
        return new ArrayList<>(pieces.subList(0, tokens));
    }

    private static Answer toolCall(ForcedTool tool, SplittableRandom random) {
        ObjectNode args = Json.object();
        JsonNode properties = tool.schema() == null ? null : tool.schema().get("properties");
        if (properties != null && properties.isObject()) {
            int n = 0;
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                if (n++ == MAX_TOOL_ARGUMENTS) {
                    break;
                }
                putValue(args, property.getKey(), property.getValue(), random);
            }
        }
        String json = Json.write(args);
        return new Answer(TokenCounter.pieces(json), tool.name(), TokenCounter.count(tool.name()), false);
    }

    private static void putValue(ObjectNode args, String name, JsonNode schema, SplittableRandom random) {
        JsonNode enumValues = schema.get("enum");
        if (enumValues != null && enumValues.isArray() && !enumValues.isEmpty()) {
            args.set(name, enumValues.get(random.nextInt(enumValues.size())));
            return;
        }
        String type = Json.text(schema.get("type"));
        switch (type == null ? "string" : type.toLowerCase(java.util.Locale.ROOT)) {
            case "integer" -> args.put(name, 1 + random.nextInt(100));
            case "number" -> args.put(name, (1 + random.nextInt(1000)) / 10.0);
            case "boolean" -> args.put(name, true);
            case "array" -> args.putArray(name).add(WORDS[random.nextInt(WORDS.length)]);
            case "object" -> args.putObject(name);
            default -> args.put(name, WORDS[random.nextInt(WORDS.length)]);
        }
    }

    private static long seed(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                seed = (seed << 8) | (hash[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
