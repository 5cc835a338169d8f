package dev.switchboard.devstack;

import dev.switchboard.testkit.server.FreePorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to lay out a local suite.
 *
 * @param workDirectory where logs, and with {@code keepData} the Postgres and Kafka data, live (usage-service's
 *                      Postgres keeps its data there always, so a test can stop and start it)
 * @param keepData      keep Postgres and Kafka data between starts (the dev stack), or start empty (tests)
 * @param jvmOptions    options for every service JVM
 * @param edgeProperties  extra settings for every edge replica, e.g. short provider timeouts for tests
 * @param quotaProperties extra settings for quota-service, e.g. short reservation leases for tests
 */
public record SuiteSettings(Path repositoryRoot, Path workDirectory, boolean keepData, Ports ports,
                            List<String> jvmOptions, Map<String, String> edgeProperties,
                            Map<String, String> quotaProperties) {

    /**
     * Every port the suite listens on.
     *
     * @param edges         one port per edge replica, all with the same settings; the first is the one {@code ./dev}
     *                      shows
     * @param usagePostgres usage-service's own PostgreSQL server, so the ledger's database can fail alone
     */
    public record Ports(List<Integer> edges, int routing, int quota, int usage, int adminUi, int mockProvider,
                        int postgres, int usagePostgres, int redis, int kafka) {

        public Ports {
            if (edges.isEmpty()) {
                throw new IllegalArgumentException("the suite needs at least one edge");
            }
            edges = List.copyOf(edges);
        }

        /** The first edge's port. */
        public int edge() {
            return edges.get(0);
        }
    }

    public SuiteSettings withWorkDirectory(Path directory) {
        return new SuiteSettings(repositoryRoot, directory, keepData, ports, jvmOptions, edgeProperties,
                quotaProperties);
    }

    /** Service JVMs start with these options instead, e.g. full JIT for a benchmark instead of fast startup. */
    public SuiteSettings withJvmOptions(List<String> options) {
        return new SuiteSettings(repositoryRoot, workDirectory, keepData, ports, List.copyOf(options),
                edgeProperties, quotaProperties);
    }

    /** The developer's stack: well-known ports, data kept in {@code .devstack/} of the repository. */
    public static SuiteSettings developerDefaults(Path repositoryRoot) {
        return new SuiteSettings(repositoryRoot, repositoryRoot.resolve(".devstack"), true,
                new Ports(List.of(8080), 8081, 8082, 8083, 8090, 18080, 15432, 15433, 16379, 19092),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of(), Map.of());
    }

    /**
     * A throwaway suite on free ports, tuned to start fast on a small machine. Provider timeouts, retry backoffs
     * and circuit-breaker windows are short so tests can make them fire: the mock answers in milliseconds unless
     * told to stall. Two edge replicas serve the same services, so limits and budgets can be raced across edges
     * and one edge killed while the other serves; reservation leases are short so a dead edge's reservation is
     * seen to come back within seconds.
     */
    public static SuiteSettings forTests(Path repositoryRoot, Path workDirectory) {
        return new SuiteSettings(repositoryRoot, workDirectory, false,
                new Ports(List.of(FreePorts.next(), FreePorts.next()), FreePorts.next(), FreePorts.next(),
                        FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                        FreePorts.next(), FreePorts.next()),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"),
                Map.ofEntries(Map.entry("switchboard.edge.upstream.first-token-timeout", "4s"),
                        Map.entry("switchboard.edge.upstream.idle-timeout", "3s"),
                        Map.entry("switchboard.edge.upstream.total-timeout", "20s"),
                        // report latencies every second, so latency routing can be tested in seconds
                        Map.entry("switchboard.edge.routing.latency-report-interval", "1s"),
                        // short backoffs, and breakers that open after a handful of calls and half-open within
                        // seconds, so resilience can be tested in seconds
                        Map.entry("switchboard.edge.resilience.backoff-initial", "50ms"),
                        Map.entry("switchboard.edge.resilience.backoff-max", "200ms"),
                        // counted in calls, so a test knows how many failures open a breaker
                        Map.entry("switchboard.edge.resilience.breaker.sliding-window-type", "COUNT_BASED"),
                        Map.entry("switchboard.edge.resilience.breaker.sliding-window-size", "6"),
                        Map.entry("switchboard.edge.resilience.breaker.minimum-calls", "4"),
                        Map.entry("switchboard.edge.resilience.breaker.wait-in-open", "2s"),
                        Map.entry("switchboard.edge.resilience.breaker.half-open-calls", "1"),
                        Map.entry("switchboard.edge.resilience.breaker.max-wait-in-half-open", "3s")),
                Map.of("switchboard.quota.reservations.lease", "4s",
                        "switchboard.quota.reservations.reap-interval", "500ms"));
    }
}
