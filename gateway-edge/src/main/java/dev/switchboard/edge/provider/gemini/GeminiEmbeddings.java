package dev.switchboard.edge.provider.gemini;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.EmbeddingVectors;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.TranslatedResponse;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI embeddings through Gemini's {@code batchEmbedContents}: one EmbedContentRequest per input text, and the
 * returned {@code embeddings[].values} as an OpenAI list. Values are read and written as float32 without a detour
 * through double, so floats and base64 carry exactly the numbers Gemini sent.
 */
final class GeminiEmbeddings {

    /** Gemini refuses larger batches ("at most 100 requests can be in one batch"). */
    static final int MAX_INPUTS = 100;

    private final JsonMapper json;

    GeminiEmbeddings(JsonMapper json) {
        this.json = json;
    }

    byte[] request(EmbeddingsRequest request, RouteCandidate route) {
        if (request.texts() == null) {
            throw GatewayException.invalidRequest("input",
                    "Gemini embedding models take text input only, not token arrays.");
        }
        if (request.texts().size() > MAX_INPUTS) {
            throw GatewayException.invalidRequest("input",
                    "Gemini embedding models take at most " + MAX_INPUTS + " inputs per request.");
        }
        ObjectNode body = json.createObjectNode();
        String model = GeminiUrls.resourceName(route);
        ArrayNode requests = body.putArray("requests");
        for (String text : request.texts()) {
            ObjectNode item = requests.addObject();
            item.put("model", model);
            item.putObject("content").putArray("parts").addObject().put("text", text);
            if (request.dimensions() != null) {
                item.put("outputDimensionality", request.dimensions());
            }
        }
        return json.writeValueAsBytes(body);
    }

    /** Gemini reports no tokens for embeddings, so the usage is zero in the body and null for billing. */
    TranslatedResponse response(byte[] body, EmbeddingsRequest request, RouteCandidate route) {
        List<float[]> vectors = vectors(body);
        if (vectors.size() != request.inputCount()) {
            throw unreadable();
        }
        boolean base64 = request.encodingFormat().equals("base64");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringProperty("object", "list");
            out.writeArrayPropertyStart("data");
            for (int i = 0; i < vectors.size(); i++) {
                out.writeStartObject();
                out.writeStringProperty("object", "embedding");
                out.writeNumberProperty("index", i);
                out.writeName("embedding");
                if (base64) {
                    out.writeString(EmbeddingVectors.toBase64(vectors.get(i)));
                } else {
                    out.writeStartArray();
                    for (float value : vectors.get(i)) {
                        out.writeNumber(value);
                    }
                    out.writeEndArray();
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeStringProperty("model", route.upstreamModel());
            out.writeObjectPropertyStart("usage");
            out.writeNumberProperty("prompt_tokens", 0);
            out.writeNumberProperty("total_tokens", 0);
            out.writeEndObject();
            out.writeEndObject();
        }
        return new TranslatedResponse(bytes.toByteArray(), null);
    }

    /** {@code {"embeddings":[{"values":[...]}, ...]}}, read token by token. */
    private List<float[]> vectors(byte[] body) {
        List<float[]> vectors = new ArrayList<>();
        try (JsonParser parser = json.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                parser.nextToken();
                if (!parser.currentName().equals("embeddings")) {
                    parser.skipChildren();
                    continue;
                }
                expect(parser.currentToken(), JsonToken.START_ARRAY);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    vectors.add(embedding(parser));
                }
            }
        } catch (JacksonException malformed) {
            throw unreadable();
        }
        return vectors;
    }

    private static float[] embedding(JsonParser parser) {
        float[] vector = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            parser.nextToken();
            if (!parser.currentName().equals("values")) {
                parser.skipChildren();
                continue;
            }
            expect(parser.currentToken(), JsonToken.START_ARRAY);
            FloatList values = new FloatList();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (!parser.currentToken().isNumeric()) {
                    throw unreadable();
                }
                // parsed from the decimal text straight to float32: no double rounding
                values.add(parser.getFloatValue());
            }
            vector = values.toArray();
        }
        if (vector == null) {
            throw unreadable();
        }
        return vector;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw unreadable();
        }
    }

    private static GatewayException unreadable() {
        return ErrorKind.SERVER_ERROR.exception("The provider sent an embeddings response the gateway could not read.",
                0);
    }

    /** A growable float array, so a 3072-value vector is not boxed on its way through. */
    private static final class FloatList {
        private float[] values = new float[1024];
        private int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
