package dev.switchboard.mockprovider.blackhole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlackHoleTests {

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @Test
    void connectsHangUntilTheClientsConnectTimeoutRatherThanBeingRefused() {
        try (BlackHole hole = BlackHole.open()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), hole.port()), 300);
                    }
                }).isInstanceOf(SocketTimeoutException.class);
                assertThat(millisSince(started)).as("waited for the whole connect timeout").isBetween(280L, 2_000L);
            }
        }
    }

    @Test
    void anHttpClientsConnectTimeoutFires() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
        try (BlackHole hole = BlackHole.open()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(hole.baseUrl() + "/v1/models"))
                    .build(), HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(HttpConnectTimeoutException.class);
            assertThat(millisSince(started)).isBetween(280L, 2_000L);
        }
    }

    @Test
    void closingFreesThePortSoConnectsAreRefusedAtOnce() {
        BlackHole hole = BlackHole.open();
        int port = hole.port();
        hole.close();

        long started = System.nanoTime();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
        assertThat(millisSince(started)).isLessThan(1_000L);
    }
}
