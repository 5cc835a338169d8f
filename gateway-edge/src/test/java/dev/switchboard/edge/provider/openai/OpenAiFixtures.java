package dev.switchboard.edge.provider.openai;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.RouteCandidate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** Reads the recorded OpenAI-format payloads under {@code fixtures/openai}. */
final class OpenAiFixtures {

    private OpenAiFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = OpenAiFixtures.class.getResourceAsStream("/fixtures/openai/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RouteCandidate candidate(String type, String baseUrl, String upstreamModel) {
        return new RouteCandidate("prov-" + type, type, baseUrl, "KEY_REF", upstreamModel, upstreamModel, "v1",
                new ModelPrice("p1", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
    }
}
