package dev.switchboard.mockprovider.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatches on method and path with regular expressions; Reactor Netty's own templates do not match Gemini's
 * {@code models/{model}:generateContent} paths, where a literal follows the variable inside one segment.
 */
public final class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    /** Produces the response for a routed request. */
    @FunctionalInterface
    public interface Handler {
        Mono<Void> handle(Exchange exchange);
    }

    private record Route(HttpMethod method, Pattern path, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Consumer<Exchange> onVendorRequest;

    /** @param onVendorRequest sees every request outside {@code /_mock} before it is handled (feeds the ledger) */
    public Router(Consumer<Exchange> onVendorRequest) {
        this.onVendorRequest = onVendorRequest;
    }

    public Router add(HttpMethod method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    public Mono<Void> route(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString().defaultIfEmpty("")
                .flatMap(body -> dispatch(request, response, body))
                .onErrorResume(e -> {
                    // the path only: Gemini clients may carry their key in the query string
                    log.warn("mock-provider failed on {} {}", request.method(),
                            new QueryStringDecoder(request.uri()).path(), e);
                    if (response.hasSentHeaders()) {
                        return Mono.error(e);
                    }
                    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    return response.status(500).header("content-type", Replies.JSON)
                            .sendString(Mono.just(internalError(message))).then();
                });
    }

    private Mono<Void> dispatch(HttpServerRequest request, HttpServerResponse response, String body) {
        String path = new QueryStringDecoder(request.uri()).path();
        for (Route route : routes) {
            Matcher matcher = route.path.matcher(path);
            if (route.method.equals(request.method()) && matcher.matches()) {
                List<String> groups = new ArrayList<>();
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    groups.add(matcher.group(i));
                }
                Exchange exchange = new Exchange(request, response, body, groups);
                recordIfVendor(exchange);
                return route.handler.handle(exchange);
            }
        }
        Exchange exchange = new Exchange(request, response, body, List.of());
        recordIfVendor(exchange);
        GenericError notFound = new GenericError("mock-provider has no route for " + request.method()
                + " " + path, "invalid_request_error", "unknown_url");
        return Replies.json(exchange, 404, notFound.json());
    }

    private void recordIfVendor(Exchange exchange) {
        if (!exchange.path().startsWith("/_mock")) {
            onVendorRequest.accept(exchange);
        }
    }

    private static String internalError(String message) {
        return new GenericError("mock-provider internal error: " + message, "server_error", null).json();
    }

    /** An OpenAI-shaped error body, the most widely understood shape, for requests no vendor route claimed. */
    private record GenericError(String message, String type, String code) {
        String json() {
            var error = Json.object();
            var inner = error.putObject("error");
            inner.put("message", message);
            inner.put("type", type);
            inner.putNull("param");
            inner.put("code", code);
            return Json.write(error);
        }
    }
}
