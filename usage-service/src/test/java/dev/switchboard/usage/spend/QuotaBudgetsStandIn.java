package dev.switchboard.usage.spend;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * quota-service's {@code GET /api/v1/budgets} over real HTTP, answering what a test sets and remembering the
 * Authorization header and query it was called with; the spend API reads budgets through it.
 */
final class QuotaBudgetsStandIn {

    private static QuotaBudgetsStandIn running;

    private final HttpServer server;
    volatile int status = 200;
    volatile String body = "[]";
    volatile String lastAuthorization;
    volatile String lastQuery;

    private QuotaBudgetsStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/budgets", exchange -> {
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastQuery = exchange.getRequestURI().getRawQuery();
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** One per JVM: the spend tests share one application context, hence one quota URL. */
    static synchronized QuotaBudgetsStandIn instance() {
        if (running == null) {
            running = new QuotaBudgetsStandIn();
        }
        return running;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
