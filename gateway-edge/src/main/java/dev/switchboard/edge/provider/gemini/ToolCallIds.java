package dev.switchboard.edge.provider.gemini;

import java.util.concurrent.ThreadLocalRandom;

/** Tool call ids for the calls Gemini sends without one; OpenAI clients need an id to answer a call. */
final class ToolCallIds {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private ToolCallIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder("call_");
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
