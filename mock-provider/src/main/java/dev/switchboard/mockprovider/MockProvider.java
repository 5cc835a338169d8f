package dev.switchboard.mockprovider;

import ch.qos.logback.classic.Level;
import dev.switchboard.mockprovider.answer.TokenCounter;
import dev.switchboard.mockprovider.blackhole.BlackHole;
import dev.switchboard.mockprovider.fault.FaultRules;
import dev.switchboard.mockprovider.http.Router;
import dev.switchboard.mockprovider.ledger.MockLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import java.time.Duration;

/**
 * A running mock of the OpenAI, Anthropic and Gemini APIs on one port.
 *
 * <p>Base URLs for clients: OpenAI {@code baseUrl() + "/v1"}, Anthropic {@code baseUrl()}, Gemini {@code baseUrl()}
 * (paths under {@code /v1beta}). It runs on its own Netty event loops and needs no Spring context, so any test JVM can
 * embed it.
 */
public final class MockProvider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MockProvider.class);
    private static final int DEFAULT_STANDALONE_PORT = 18080;

    private final DisposableServer server;
    private final LoopResources loops;
    private final MockLedger ledger;
    private final FaultRules faults;
    private BlackHole blackHole;

    private MockProvider(DisposableServer server, LoopResources loops, MockLedger ledger, FaultRules faults) {
        this.server = server;
        this.loops = loops;
        this.ledger = ledger;
        this.faults = faults;
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. Blocks until the port is bound. */
    public static MockProvider start(MockProviderSettings settings) {
        return start(settings, "127.0.0.1");
    }

    static MockProvider start(MockProviderSettings settings, String host) {
        // load the tokenizer here, on the caller's thread, rather than on an event loop during the first request
        TokenCounter.warmUp();
        MockLedger ledger = new MockLedger();
        FaultRules faults = new FaultRules();
        Router router = MockRoutes.create(settings, ledger, faults);
        LoopResources loops = LoopResources.create("mock-provider", 1,
                Math.max(2, Runtime.getRuntime().availableProcessors()), true);
        DisposableServer server = HttpServer.create()
                .host(host)
                .port(settings.port())
                .runOn(loops)
                .handle(router::route)
                .bindNow(Duration.ofSeconds(10));
        log.info("mock-provider listening on {}:{}", host, server.port());
        return new MockProvider(server, loops, ledger, faults);
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash or version prefix. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public MockLedger ledger() {
        return ledger;
    }

    /** Per-model fault rules; the same rules {@code PUT /_mock/faults/{model}} sets. */
    public FaultRules faults() {
        return faults;
    }

    /**
     * A port on 127.0.0.1 whose TCP connects hang unanswered, for a provider whose connect timeout should fire.
     * Opened on first use (proving the hang takes a fraction of a second) and closed with the mock.
     */
    public synchronized int blackHolePort() {
        if (blackHole == null) {
            blackHole = BlackHole.open();
        }
        return blackHole.port();
    }

    /** Stops the server and the black hole; open connections (hung or streaming) are closed with the event loops. */
    @Override
    public void close() {
        synchronized (this) {
            if (blackHole != null) {
                blackHole.close();
            }
        }
        server.disposeNow(Duration.ofSeconds(5));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    /**
     * Standalone entry point: {@code java -jar mock-provider-exec.jar [--port=18080] [--host=127.0.0.1]}.
     * Keys come from MOCK_OPENAI_KEY, MOCK_ANTHROPIC_KEY and MOCK_GEMINI_KEY, else the defaults.
     */
    public static void main(String[] args) {
        int port = DEFAULT_STANDALONE_PORT;
        String host = "127.0.0.1";
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--host=")) {
                host = arg.substring("--host=".length());
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; expected --port=N or --host=H");
            }
        }
        quietLibraryLogging();
        MockProviderSettings settings = new MockProviderSettings(port,
                env("MOCK_OPENAI_KEY", MockProviderSettings.DEFAULT_OPENAI_KEY),
                env("MOCK_ANTHROPIC_KEY", MockProviderSettings.DEFAULT_ANTHROPIC_KEY),
                env("MOCK_GEMINI_KEY", MockProviderSettings.DEFAULT_GEMINI_KEY));
        MockProvider mock = start(settings, host);
        Runtime.getRuntime().addShutdownHook(new Thread(mock::close, "mock-provider-shutdown"));
        log.info("OpenAI base {}/v1, Anthropic base {}, Gemini base {}, admin {}/_mock", mock.baseUrl(),
                mock.baseUrl(), mock.baseUrl(), mock.baseUrl());
        mock.server.onDispose().block();
    }

    /** Logback's default configuration logs Netty at DEBUG; the standalone app ships no logback.xml to avoid
     *  overriding the configuration of applications that put this jar on their classpath. */
    private static void quietLibraryLogging() {
        if (System.getProperty("logback.configurationFile") == null
                && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.INFO);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
