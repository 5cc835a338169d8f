package dev.switchboard.devstack;

import dev.switchboard.mockprovider.MockProvider;
import dev.switchboard.mockprovider.MockProviderSettings;
import dev.switchboard.testkit.server.EmbeddedPostgresServer;
import dev.switchboard.testkit.server.KafkaKraftBroker;
import dev.switchboard.testkit.server.RedisServerProcess;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite on one machine: real PostgreSQL, Redis and Kafka, the mock provider, and each service as its
 * own JVM talking to the others over HTTP and Kafka exactly as in production. Used by the dev stack and by the
 * end-to-end tests. Closing it stops everything it started, in reverse order.
 */
public final class LocalSuite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSuite.class);
    private static final String DATABASE = "switchboard";
    private static final List<String> PROVIDER_KEY_VARIABLES = List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY",
            "GEMINI_API_KEY", "MOCK_OPENAI_KEY", "MOCK_ANTHROPIC_KEY", "MOCK_GEMINI_KEY");

    private final SuiteSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<ServiceModule, ServiceProcess> services = new EnumMap<>(ServiceModule.class);
    private final Map<ServiceModule, Runnable> relaunchers = new EnumMap<>(ServiceModule.class);
    private final String serviceToken = tokenFromEnvironment("SWITCHBOARD_SERVICE_TOKEN", "svc-");
    private final String adminToken = tokenFromEnvironment("SWITCHBOARD_ADMIN_TOKEN", "adm-");
    private EmbeddedPostgresServer postgres;
    private MockProvider mockProvider;
    private String demoKey;

    private LocalSuite(SuiteSettings settings) {
        this.settings = settings;
    }

    /** Starts everything, seeds the registry and a demo team, and returns once every service is ready. */
    public static LocalSuite start(SuiteSettings settings) {
        LocalSuite suite = new LocalSuite(settings);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startAll() {
        SuiteSettings.Ports ports = settings.ports();
        boolean keep = settings.keepData();
        CompletableFuture<KafkaKraftBroker> kafkaStart = CompletableFuture.supplyAsync(() -> KafkaKraftBroker
                .start(ports.kafka(), keep ? settings.workDirectory().resolve("kafka") : null));
        postgres = remember(EmbeddedPostgresServer.start(ports.postgres(),
                keep ? settings.workDirectory().resolve("postgres") : null));
        ensureDatabase();
        RedisServerProcess redis = remember(RedisServerProcess.start(ports.redis()));
        KafkaKraftBroker kafka = remember(kafkaStart.join());
        mockProvider = remember(MockProvider.start(MockProviderSettings.defaults().withPort(ports.mockProvider())));
        log.info("Infrastructure up: PostgreSQL :{}, Redis :{}, Kafka {}, mock provider {}", ports.postgres(),
                redis.port(), kafka.bootstrapServers(), mockProvider.baseUrl());

        launchServices(redis, kafka);
        services.values().forEach(service -> service.awaitReady(Duration.ofSeconds(180)));
        log.info("All services ready");

        SuiteSeeder seeder = new SuiteSeeder(AdminApi.admin(routingUrl(), adminToken),
                AdminApi.admin(quotaUrl(), adminToken), AdminApi.internal(quotaUrl(), serviceToken));
        seeder.seedRegistry(mockProvider.baseUrl(), System.getenv());
        demoKey = seeder.demoKey(settings.workDirectory().resolve("demo-key"));
    }

    private void launchServices(RedisServerProcess redis, KafkaKraftBroker kafka) {
        Map<String, String> security = Map.of("switchboard.security.service-token", serviceToken,
                "switchboard.security.admin-token", adminToken);
        Map<String, String> database = Map.of("spring.datasource.url", postgres.jdbcUrl(DATABASE),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password());

        launch(ServiceModule.ROUTING, settings.ports().routing(), merge(security, database), Map.of());
        launch(ServiceModule.QUOTA, settings.ports().quota(), merge(security, database,
                Map.of("spring.data.redis.host", redis.host(), "spring.data.redis.port", String.valueOf(redis.port()))),
                Map.of());
        launch(ServiceModule.USAGE, settings.ports().usage(), merge(security, database,
                Map.of("spring.kafka.bootstrap-servers", kafka.bootstrapServers())), Map.of());
        // the admin token guards the edge's own admin endpoint (resilience state); the service token is what it
        // calls the other services with
        launch(ServiceModule.EDGE, settings.ports().edge(), merge(settings.edgeProperties(), Map.of(
                "switchboard.security.admin-token", adminToken,
                "switchboard.edge.services.quota-url", quotaUrl(),
                "switchboard.edge.services.routing-url", routingUrl(),
                "switchboard.edge.services.service-token", serviceToken,
                "switchboard.edge.usage.bootstrap-servers", kafka.bootstrapServers())),
                Map.of("MOCK_OPENAI_KEY", MockProviderSettings.DEFAULT_OPENAI_KEY,
                        "MOCK_ANTHROPIC_KEY", MockProviderSettings.DEFAULT_ANTHROPIC_KEY,
                        "MOCK_GEMINI_KEY", MockProviderSettings.DEFAULT_GEMINI_KEY));
        launch(ServiceModule.ADMIN_UI, settings.ports().adminUi(), Map.of(), Map.of());
    }

    /** Provider keys reach the edge only: every other service gets an environment without them. */
    private void launch(ServiceModule module, int port, Map<String, String> properties, Map<String, String> keys) {
        List<String> withheld = module == ServiceModule.EDGE ? List.of() : PROVIDER_KEY_VARIABLES;
        relaunchers.put(module, () -> services.put(module,
                remember(ServiceProcess.launch(module, settings, port, properties, keys, withheld))));
        relaunchers.get(module).run();
    }

    /** Stops one service and waits for its exit, for tests of how the others cope; {@link #restart} undoes it. */
    void stop(ServiceModule module) {
        ServiceProcess service = services.remove(module);
        if (service != null) {
            started.remove(service);
            service.close();
        }
    }

    /** Starts a stopped service again, with the same port and settings, and waits until it is ready. */
    void restart(ServiceModule module) {
        if (!services.containsKey(module)) {
            relaunchers.get(module).run();
        }
        services.get(module).awaitReady(Duration.ofSeconds(180));
    }

    private void ensureDatabase() {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password())) {
            boolean exists = connection.createStatement()
                    .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next();
            if (!exists) {
                connection.createStatement().execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + DATABASE, e);
        }
    }

    /**
     * routing-service's admin API as the suite's admin, for tests that change models or routes under a running
     * edge (the edge notices within one registry poll, about a second).
     */
    AdminApi routingAdmin() {
        return AdminApi.admin(routingUrl(), adminToken);
    }

    /** quota-service's admin API as the suite's admin, for tests that create, rotate or revoke keys. */
    AdminApi quotaAdmin() {
        return AdminApi.admin(quotaUrl(), adminToken);
    }

    public String edgeUrl() {
        return services.get(ServiceModule.EDGE).url();
    }

    public String routingUrl() {
        return "http://127.0.0.1:" + settings.ports().routing();
    }

    public String quotaUrl() {
        return "http://127.0.0.1:" + settings.ports().quota();
    }

    public String usageUrl() {
        return "http://127.0.0.1:" + settings.ports().usage();
    }

    public String adminUiUrl() {
        return "http://127.0.0.1:" + settings.ports().adminUi();
    }

    public String demoKey() {
        return demoKey;
    }

    public String adminToken() {
        return adminToken;
    }

    public String serviceToken() {
        return serviceToken;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    public String databaseUser() {
        return postgres.username();
    }

    public String databasePassword() {
        return postgres.password();
    }

    public MockProvider mockProvider() {
        return mockProvider;
    }

    public SuiteSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::requestStop);
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Failed to stop {}", next, e);
            }
        }
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... parts) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, String> part : parts) {
            merged.putAll(part);
        }
        return merged;
    }

    private static String tokenFromEnvironment(String variable, String prefix) {
        String given = System.getenv(variable);
        return given != null && !given.isBlank() ? given : randomToken(prefix);
    }

    private static String randomToken(String prefix) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
