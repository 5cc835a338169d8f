package dev.switchboard.mockprovider.openai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Deterministic unit-length vectors standing in for embeddings: same model and input, same vector. Shared by the
 * OpenAI and Gemini embeddings endpoints.
 */
public final class EmbeddingVectors {

    public static final int DEFAULT_DIMENSIONS = 16;

    private EmbeddingVectors() {
    }

    public static float[] of(String model, String input, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed(model + "\u0000" + input));
        float[] vector = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            norm += vector[i] * vector[i];
        }
        double length = Math.sqrt(norm);
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (vector[i] / length);
        }
        return vector;
    }

    /** The raw float32 values, little-endian, base64-encoded: what OpenAI sends for {@code encoding_format=base64}. */
    static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static long seed(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
