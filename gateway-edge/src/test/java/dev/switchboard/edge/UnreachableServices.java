package dev.switchboard.edge;

import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the edge's quota, routing and Kafka settings at a closed local port: the edge alone, nothing behind it. */
final class UnreachableServices {

    private UnreachableServices() {
    }

    static void register(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closed;
        registry.add("switchboard.edge.services.quota-url", () -> nowhere);
        registry.add("switchboard.edge.services.routing-url", () -> nowhere);
        registry.add("switchboard.edge.usage.bootstrap-servers", () -> "127.0.0.1:" + closed);
    }
}
