package dev.switchboard.mockprovider.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.util.List;
import java.util.Map;

/** One request with its fully read body, the response to write, and the path parts the route captured. */
public final class Exchange {

    /** Upper bound for {@code x-mock-answer-tokens}. */
    public static final int MAX_ANSWER_TOKENS = 100_000;

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final String body;
    private final String path;
    private final Map<String, List<String>> query;
    private final List<String> pathParams;

    Exchange(HttpServerRequest request, HttpServerResponse response, String body, List<String> pathParams) {
        this.request = request;
        this.response = response;
        this.body = body;
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        this.path = decoder.path();
        this.query = decoder.parameters();
        this.pathParams = List.copyOf(pathParams);
    }

    public HttpServerRequest request() {
        return request;
    }

    public HttpServerResponse response() {
        return response;
    }

    public String body() {
        return body;
    }

    /** Decoded path without the query string. */
    public String path() {
        return path;
    }

    public String header(String name) {
        return request.requestHeaders().get(name);
    }

    /** First value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The n-th capture group of the route's path pattern (0-based). */
    public String pathParam(int index) {
        return pathParams.get(index);
    }

    /**
     * The caller's correlation header, so gateway tests can find the generation their request caused:
     * {@code x-switchboard-request-id}, else OpenAI's {@code X-Client-Request-Id} (what the gateway sends
     * upstream), else {@code x-request-id}.
     */
    public String correlationId() {
        for (String name : new String[] {"x-switchboard-request-id", "x-client-request-id", "x-request-id"}) {
            String id = header(name);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** Output length asked for by header {@code x-mock-answer-tokens}, or null. */
    public Integer answerTokens() {
        String value = header("x-mock-answer-tokens");
        if (value == null) {
            return null;
        }
        int tokens;
        try {
            tokens = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            tokens = -1;
        }
        // answers are generated on an event-loop thread, so their size (and CPU time) is bounded
        if (tokens < 0 || tokens > MAX_ANSWER_TOKENS) {
            throw new IllegalArgumentException("x-mock-answer-tokens must be an integer from 0 to " + MAX_ANSWER_TOKENS
                    + ", was '" + value + "'");
        }
        return tokens;
    }
}
