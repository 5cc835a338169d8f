package dev.switchboard.edge.api;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body as exactly one JSON object, refusing oversized bodies with a 413 and every malformed one
 * with a 400: no repeated key at any depth (which value wins differs between parsers, so the gateway and the
 * provider could disagree on what was asked), nothing after the object. Like OpenAI's API, the
 * {@code Content-Type} header is not checked: clients that omit it, or send curl's form default, still have a JSON
 * body, and whatever is not JSON fails here anyway.
 *
 * <p>The body is gathered without blocking; parsing then runs on the calling (Netty) thread, bounded by the size
 * limit.
 */
public final class JsonBodyReader {

    private final JsonMapper json;
    private final int maxBytes;

    /** Derives a strict reader from the application's mapper, leaving the shared mapper as it is. */
    public JsonBodyReader(JsonMapper json, int maxBytes) {
        this.json = json.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.maxBytes = maxBytes;
    }

    public Mono<ObjectNode> read(ServerRequest request) {
        if (request.headers().contentLength().orElse(-1) > maxBytes) {
            return Mono.error(this::tooLarge);
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .map(this::parse)
                .switchIfEmpty(Mono.error(JsonBodyReader::empty));
    }

    private ObjectNode parse(DataBuffer buffer) {
        JsonNode body;
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            body = json.readTree(bytes);
        } catch (JacksonException e) {
            throw unparseable(e);
        } finally {
            DataBufferUtils.release(buffer);
        }
        if (body == null || body.isMissingNode()) {
            throw empty();
        }
        if (!(body instanceof ObjectNode object)) {
            throw GatewayException.invalidRequest(null, "The request body must be a JSON object, not "
                    + (body.isArray() ? "an array." : "a single value."));
        }
        return object;
    }

    private GatewayException tooLarge() {
        return new GatewayException(413, "invalid_request_error", "request_too_large", null,
                "Request body is larger than " + maxBytes + " bytes.", 0);
    }

    private static GatewayException empty() {
        return GatewayException.invalidRequest(null, "The request body is empty; send a JSON object.");
    }

    /** Says what is wrong and where, without echoing the body (it may hold anything the client pasted). */
    private static GatewayException unparseable(JacksonException e) {
        String problem = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (problem.startsWith("Duplicate Object property") && e instanceof StreamReadException read
                && read.processor() != null) {
            String key = String.valueOf(read.processor().currentName());
            what = "the key '" + (key.length() > 100 ? key.substring(0, 100) + "…" : key)
                    + "' appears more than once in the same object; each key may appear only once";
        } else if (problem.startsWith("Trailing token")) {
            what = "there is more content after the JSON object";
        } else if (e instanceof StreamConstraintsException) {
            what = "it nests deeper, or holds a longer number, string or key, than the parser accepts";
        } else {
            what = "it is not valid JSON";
        }
        return GatewayException.invalidRequest(null, "We could not parse the JSON body of your request: " + what
                + where(e.getLocation()) + ". The API expects a single JSON object.");
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getByteOffset() < 0 ? "" : " (at byte " + location.getByteOffset() + ")";
    }
}
