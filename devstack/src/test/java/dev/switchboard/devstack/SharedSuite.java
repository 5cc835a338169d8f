package dev.switchboard.devstack;


import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives end-to-end test classes one running suite for the whole test run: starting it costs half a minute on this
 * machine, so every class that declares a {@link LocalSuite} parameter shares the same one, stopped at the end.
 * Tests that inject faults into the shared mock provider clear them when they finish, and tests that stop Redis or
 * kill an edge start it again; after each test, every edge's breakers that saw failures (and 429 cooldowns) are
 * reset here, so one test's failures never take a shared model
 * out of routing for the next. Public for the test classes of sub-packages.
 */
public class SharedSuite implements ParameterResolver, AfterEachCallback {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        RunningSuite running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .get(RunningSuite.class, RunningSuite.class);
        if (running != null) {
            resetTrippedBreakers(running.suite());
        }
    }

    /** On every edge replica: each keeps breakers of its own. */
    private static void resetTrippedBreakers(LocalSuite suite) throws Exception {
        for (String edgeUrl : suite.edgeUrls()) {
            resetTrippedBreakers(suite, edgeUrl);
        }
    }

    private static void resetTrippedBreakers(LocalSuite suite, String edgeUrl) throws Exception {
        HttpResponse<String> state = HTTP.send(admin(suite, edgeUrl, "/api/v1/resilience").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (state.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/resilience answered " + state.statusCode());
        }
        for (JsonNode deployment : JSON.readTree(state.body()).path("deployments")) {
            // failures short of opening count too: they would add up with the next test's
            if (!"CLOSED".equals(deployment.path("state").asString()) || deployment.path("failedCalls").asInt() > 0
                    || deployment.path("slowCalls").asInt() > 0 || deployment.path("coolingDownMillis").asLong() > 0) {
                String id = URLEncoder.encode(deployment.path("deploymentId").asString(), StandardCharsets.UTF_8);
                HTTP.send(admin(suite, edgeUrl, "/api/v1/resilience/breakers/reset?deployment=" + id)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private static HttpRequest.Builder admin(LocalSuite suite, String edgeUrl, String path) {
        return HttpRequest.newBuilder(URI.create(edgeUrl + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + suite.adminToken());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSuite.class, key -> RunningSuite.start(), RunningSuite.class)
                .suite();
    }

    private record RunningSuite(LocalSuite suite) implements AutoCloseable {

        static RunningSuite start() {
            try {
                Path root = ServiceModule.findRepositoryRoot(Path.of(""));
                // inside target/ so service logs survive a failure for reading and 'mvn clean' removes them
                Path work = Files.createDirectories(root.resolve("devstack/target/e2e-" + System.currentTimeMillis()));
                return new RunningSuite(LocalSuite.start(SuiteSettings.forTests(root, work)));
            } catch (Exception e) {
                throw new IllegalStateException("The end-to-end suite did not start", e);
            }
        }

        @Override
        public void close() {
            suite.close();
        }
    }
}
