package dev.switchboard.edge.provider;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * OpenAI's {@code encoding_format=base64} for embedding vectors: the raw float32 values, little-endian, base64-encoded
 * (what openai-python decodes with {@code np.frombuffer(..., dtype="float32")}). Every float survives the round trip
 * bit for bit.
 */
public final class EmbeddingVectors {

    private EmbeddingVectors() {
    }

    public static String toBase64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * @throws IllegalArgumentException when {@code base64} is not base64 or does not hold whole float32 values
     */
    public static float[] fromBase64(String base64) {
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("base64 embedding of " + raw.length + " bytes is not a float32 array");
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[raw.length / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = bytes.getFloat();
        }
        return vector;
    }
}
