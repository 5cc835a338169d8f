package dev.switchboard.mockprovider;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MockProviderIntegrationTests {

    @Test
    void portZeroPicksAFreePortAndBaseUrlHasNoTrailingSlash() {
        try (MockProvider mock = MockProvider.start(MockProviderSettings.defaults())) {
            assertThat(mock.port()).isPositive();
            assertThat(mock.baseUrl()).isEqualTo("http://127.0.0.1:" + mock.port());
        }
    }

    @Test
    void customKeysReplaceTheDefaults() {
        try (MockProvider mock = MockProvider.start(MockProviderSettings.defaults().withOpenAiKey("sk-custom"))) {
            String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            assertThat(RawHttp.post(mock.baseUrl() + "/v1/chat/completions", body,
                    "authorization", "Bearer sk-custom").statusCode()).isEqualTo(200);
            assertThat(RawHttp.post(mock.baseUrl() + "/v1/chat/completions", body,
                    "authorization", "Bearer " + MockProviderSettings.DEFAULT_OPENAI_KEY).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void settingsNeverPrintTheKeys() {
        assertThat(MockProviderSettings.defaults().toString()).doesNotContain(MockProviderSettings.DEFAULT_OPENAI_KEY);
        assertThatThrownBy(() -> MockProviderSettings.defaults().withGeminiKey(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeDropsHungConnectionsAndFreesThePort() throws Exception {
        MockProvider mock = MockProvider.start(MockProviderSettings.defaults());
        int port = mock.port();
        CompletableFuture<HttpResponse<InputStream>> hung = CompletableFuture.supplyAsync(() -> {
            try {
                return RawHttp.postForStream(mock.baseUrl() + "/v1/chat/completions", "{}", Duration.ofSeconds(30),
                        "x-mock-fault", "hang=true");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (mock.ledger().received().isEmpty()) {
            Thread.sleep(10);
        }

        long start = System.nanoTime();
        mock.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> hung.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void blackHolePortHangsConnectsWhileTheMockRunsAndIsFreedWithIt() throws Exception {
        MockProvider mock = MockProvider.start(MockProviderSettings.defaults());
        int port = mock.blackHolePort();
        assertThat(mock.blackHolePort()).as("one black hole per mock").isEqualTo(port);
        assertThat(port).isNotEqualTo(mock.port());
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            }
        }).isInstanceOf(SocketTimeoutException.class);

        mock.close();

        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
