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
    private final Map<Instance, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<Instance, Runnable> relaunchers = new LinkedHashMap<>();
    private final String serviceToken = tokenFromEnvironment("SWITCHBOARD_SERVICE_TOKEN", "svc-");
    private final String adminToken = tokenFromEnvironment("SWITCHBOARD_ADMIN_TOKEN", "adm-");
    private EmbeddedPostgresServer postgres;
    /** usage-service's own server, so tests can take the ledger's database away alone. */
    private LedgerDatabase ledgerDatabase;
    /** usage-service's launch settings, for restarts with test-only fault hooks added. */
    private Map<String, String> usageProperties;
    /** Replaced when a test restarts Redis; closed through {@link #started} like everything else. */
    private RedisServerProcess redis;
    /** Replaced when a test restarts Kafka, like {@link #redis}. */
    private KafkaKraftBroker kafka;
    private MockProvider mockProvider;
    private String demoKey;

    /** One running copy of a module: the edge may run as several replicas, numbered from 1. */
    private record Instance(ServiceModule module, int replica) {

        String name() {
            return replica == 1 ? module.displayName() : module.displayName() + "-" + replica;
        }
    }

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
        ledgerDatabase = remember(LedgerDatabase.start(settings));
        redis = RedisServerProcess.start(ports.redis());
        remember(() -> redis.close());
        kafka = kafkaStart.join();
        remember(() -> kafka.close());
        mockProvider = remember(MockProvider.start(MockProviderSettings.defaults().withPort(ports.mockProvider())));
        log.info("Infrastructure up: PostgreSQL :{} (ledger :{}), Redis :{}, Kafka {}, mock provider {}",
                ports.postgres(), ports.usagePostgres(), redis.port(), kafka.bootstrapServers(),
                mockProvider.baseUrl());

        launchServices(kafka);
        services.values().forEach(service -> service.awaitReady(Duration.ofSeconds(180)));
        log.info("All services ready");

        SuiteSeeder seeder = new SuiteSeeder(AdminApi.admin(routingUrl(), adminToken),
                AdminApi.admin(quotaUrl(), adminToken), AdminApi.internal(quotaUrl(), serviceToken));
        seeder.seedRegistry(mockProvider.baseUrl(), System.getenv());
        demoKey = seeder.demoKey(settings.workDirectory().resolve("demo-key"));
    }

    private void launchServices(KafkaKraftBroker kafka) {
        Map<String, String> security = Map.of("switchboard.security.service-token", serviceToken,
                "switchboard.security.admin-token", adminToken);
        Map<String, String> database = Map.of("spring.datasource.url", postgres.jdbcUrl(DATABASE),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password());

        launch(ServiceModule.ROUTING, settings.ports().routing(), merge(security, database), Map.of());
        // quota-service reads Redis at admission, settles budgets from the usage events on Kafka, and rebuilds an
        // emptied Redis from the ledger's totals in usage-service
        launch(ServiceModule.QUOTA, settings.ports().quota(), merge(security, database, settings.quotaProperties(),
                Map.of("spring.data.redis.host", redis.host(), "spring.data.redis.port", String.valueOf(redis.port()),
                        "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                        "switchboard.quota.ledger.usage-url", usageUrl())),
                Map.of());
        usageProperties = merge(security, ledgerDatabase.datasourceProperties(),
                Map.of("spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                        "switchboard.usage.quota-url", quotaUrl()));
        launch(ServiceModule.USAGE, settings.ports().usage(), usageProperties, Map.of());
        // the admin token guards the edge's own admin endpoint (resilience state); the service token is what it
        // calls the other services with. Every replica gets the same settings, as behind a load balancer.
        Map<String, String> edge = merge(settings.edgeProperties(), Map.of(
                "switchboard.security.admin-token", adminToken,
                "switchboard.edge.services.quota-url", quotaUrl(),
                "switchboard.edge.services.routing-url", routingUrl(),
                "switchboard.edge.services.service-token", serviceToken,
                "switchboard.edge.usage.bootstrap-servers", kafka.bootstrapServers()));
        Map<String, String> providerKeys = Map.of("MOCK_OPENAI_KEY", MockProviderSettings.DEFAULT_OPENAI_KEY,
                "MOCK_ANTHROPIC_KEY", MockProviderSettings.DEFAULT_ANTHROPIC_KEY,
                "MOCK_GEMINI_KEY", MockProviderSettings.DEFAULT_GEMINI_KEY);
        List<Integer> edgePorts = settings.ports().edges();
        for (int replica = 1; replica <= edgePorts.size(); replica++) {
            Instance instance = new Instance(ServiceModule.EDGE, replica);
            // each replica spools usage events in a directory of its own (it locks it), kept with the suite's data
            Map<String, String> spool = Map.of("switchboard.edge.usage.spool.directory",
                    settings.workDirectory().resolve("usage-spool").resolve(instance.name()).toAbsolutePath()
                            .toString());
            launch(instance, edgePorts.get(replica - 1), merge(edge, spool), providerKeys);
        }
        launch(ServiceModule.ADMIN_UI, settings.ports().adminUi(), Map.of(), Map.of());
    }

    private void launch(ServiceModule module, int port, Map<String, String> properties, Map<String, String> keys) {
        launch(new Instance(module, 1), port, properties, keys);
    }

    /** Provider keys reach the edge only: every other service gets an environment without them. */
    private void launch(Instance instance, int port, Map<String, String> properties, Map<String, String> keys) {
        List<String> withheld = instance.module() == ServiceModule.EDGE ? List.of() : PROVIDER_KEY_VARIABLES;
        relaunchers.put(instance, () -> services.put(instance, remember(ServiceProcess.launch(instance.module(),
                instance.name(), settings, port, properties, keys, withheld))));
        relaunchers.get(instance).run();
    }

    /** Stops one service and waits for its exit, for tests of how the others cope; {@link #restart} undoes it. */
    void stop(ServiceModule module) {
        ServiceProcess service = forget(new Instance(module, 1));
        if (service != null) {
            service.close();
        }
    }

    /** Starts a stopped service again, with the same port and settings, and waits until it is ready. */
    void restart(ServiceModule module) {
        restart(new Instance(module, 1));
    }

    /**
     * Kills edge replica {@code replica} (from 1) with SIGKILL, as when its machine dies: whatever it had in
     * flight is neither settled nor released. {@link #restartEdge} undoes it.
     */
    void killEdge(int replica) {
        ServiceProcess edge = forget(edgeInstance(replica));
        if (edge != null) {
            edge.kill();
        }
    }

    /** Starts a killed or stopped edge replica again, on its port, and waits until it is ready. */
    void restartEdge(int replica) {
        restart(edgeInstance(replica));
    }

    /** Stops Redis, losing everything in it, as when its only node dies; {@link #startEmptyRedis} undoes it. */
    void stopRedis() {
        redis.close();
    }

    /**
     * Starts an empty Redis on the port of the one stopped, where the services find it again by themselves; fails
     * if the port is still taken (Redis was not stopped).
     */
    void startEmptyRedis() {
        redis = RedisServerProcess.start(settings.ports().redis());
    }

    /**
     * Stops Kafka as an outage would, keeping its data; the edges spool usage events meanwhile.
     * {@link #startKafka} undoes it.
     */
    void stopKafka() {
        kafka.stop();
    }

    /** Starts the stopped Kafka again on its port and data, with its topics and consumer offsets. */
    void startKafka() {
        kafka = kafka.startAgain();
    }

    /** Stops usage-service's PostgreSQL server, as when the ledger's database fails; the rest keeps serving. */
    void stopLedgerDatabase() {
        ledgerDatabase.stop();
    }

    /** Starts usage-service's PostgreSQL server again on its port, with its data. */
    void startLedgerDatabase() {
        ledgerDatabase.startAgain();
    }

    /** Kills usage-service with SIGKILL: whatever it consumed but had not committed the offset of comes again. */
    void killUsage() {
        ServiceProcess usage = forget(new Instance(ServiceModule.USAGE, 1));
        if (usage != null) {
            usage.kill();
        }
    }

    /** Starts a killed, stopped or halted usage-service again with its usual settings and waits until it is ready. */
    void restartUsage() {
        startUsage(Map.of());
        services.get(new Instance(ServiceModule.USAGE, 1)).awaitReady(Duration.ofSeconds(180));
    }

    /**
     * Starts usage-service (after {@link #killUsage} or {@link #awaitUsageExit}) with {@code extraProperties} on top
     * of its usual settings, e.g. a test-only fault hook, without waiting for it: a hook may end it before it is
     * ever ready.
     */
    void startUsage(Map<String, String> extraProperties) {
        Instance usage = new Instance(ServiceModule.USAGE, 1);
        if (services.containsKey(usage)) {
            throw new IllegalStateException("usage-service is still running; kill it first");
        }
        // a hooked run logs to a file of its own, which the normal restart after it does not overwrite
        String name = extraProperties.isEmpty() ? usage.name() : usage.name() + "-hooked";
        services.put(usage, remember(ServiceProcess.launch(ServiceModule.USAGE, name, settings,
                settings.ports().usage(), merge(usageProperties, extraProperties), Map.of(),
                PROVIDER_KEY_VARIABLES)));
    }

    /** Waits for usage-service to end by itself (a fault hook halting it) and answers its exit status. */
    int awaitUsageExit(Duration timeout) {
        Instance usage = new Instance(ServiceModule.USAGE, 1);
        int status = services.get(usage).awaitExit(timeout);
        forget(usage);
        return status;
    }

    private void restart(Instance instance) {
        if (!services.containsKey(instance)) {
            relaunchers.get(instance).run();
        }
        services.get(instance).awaitReady(Duration.ofSeconds(180));
    }

    private ServiceProcess forget(Instance instance) {
        ServiceProcess service = services.remove(instance);
        if (service != null) {
            started.remove(service);
        }
        return service;
    }

    private Instance edgeInstance(int replica) {
        if (replica < 1 || replica > settings.ports().edges().size()) {
            throw new IllegalArgumentException("no edge replica " + replica + "; the suite runs "
                    + settings.ports().edges().size());
        }
        return new Instance(ServiceModule.EDGE, replica);
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

    /** The first edge replica's URL, the one {@code ./dev} shows. */
    public String edgeUrl() {
        return edgeUrl(1);
    }

    /** Edge replica {@code replica}'s URL, numbered from 1; known while the replica is killed too. */
    public String edgeUrl(int replica) {
        edgeInstance(replica);
        return "http://127.0.0.1:" + settings.ports().edges().get(replica - 1);
    }

    /** Every edge replica's URL, the first first. */
    public List<String> edgeUrls() {
        return settings.ports().edges().stream().map(port -> "http://127.0.0.1:" + port).toList();
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

    /** JDBC URL of usage-service's ledger database, on its own server. */
    public String ledgerJdbcUrl() {
        return ledgerDatabase.jdbcUrl();
    }

    public String ledgerDatabaseUser() {
        return ledgerDatabase.username();
    }

    public String ledgerDatabasePassword() {
        return ledgerDatabase.password();
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
