package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EmbeddingVectorsTests {

    @Test
    void encodesLittleEndianFloat32() {
        String base64 = EmbeddingVectors.toBase64(new float[] {1.0f, -2.5f});

        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        assertThat(bytes.remaining()).isEqualTo(8);
        // 1.0f is 0x3F800000: little-endian puts 0x00 first and 0x3F last
        assertThat(bytes.get(0)).isZero();
        assertThat(bytes.get(3)).isEqualTo((byte) 0x3F);
        assertThat(bytes.order(ByteOrder.LITTLE_ENDIAN).getFloat(4)).isEqualTo(-2.5f);
    }

    @Test
    void roundTripsEveryBitPattern() {
        float[] vector = {0.1f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY,
                0.33333334f, -1.0e-8f};

        float[] back = EmbeddingVectors.fromBase64(EmbeddingVectors.toBase64(vector));

        assertThat(back).hasSize(vector.length);
        for (int i = 0; i < vector.length; i++) {
            assertThat(Float.floatToRawIntBits(back[i])).isEqualTo(Float.floatToRawIntBits(vector[i]));
        }
    }

    @Test
    void anEmptyVectorIsAnEmptyString() {
        assertThat(EmbeddingVectors.toBase64(new float[0])).isEmpty();
        assertThat(EmbeddingVectors.fromBase64("")).isEmpty();
    }

    @Test
    void refusesBytesThatAreNotWholeFloats() {
        assertThatThrownBy(() -> EmbeddingVectors.fromBase64(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
