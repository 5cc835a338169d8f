package dev.switchboard.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dev} — starts the whole suite locally and prints how to use it. Ctrl-C stops everything; data is kept
 * in {@code .devstack/} (or {@code --work-dir=PATH}) so the next start finds the same registry, keys and ledger.
 * The service and admin tokens are random per start unless {@code SWITCHBOARD_SERVICE_TOKEN} and
 * {@code SWITCHBOARD_ADMIN_TOKEN} are set, e.g. for a benchmark that starts an extra edge.
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = ServiceModule.findRepositoryRoot(Path.of(""));
        SuiteSettings settings = SuiteSettings.developerDefaults(root);
        for (String arg : args) {
            if (arg.startsWith("--work-dir=")) {
                settings = settings.withWorkDirectory(Path.of(arg.substring("--work-dir=".length())).toAbsolutePath());
            } else if (arg.startsWith("--service-jvm-options=")) {
                settings = settings.withJvmOptions(List.of(arg.substring("--service-jvm-options=".length()).split(" +")));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg
                        + "; options: --work-dir=PATH, --service-jvm-options='-Xmx512m ...'");
            }
        }
        System.out.println("Starting Switchboard (logs in " + settings.workDirectory().resolve("logs") + ") ...");
        LocalSuite suite = LocalSuite.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Switchboard ...");
            suite.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        System.out.println(banner(suite));
        stopped.await();
    }

    private static String banner(LocalSuite suite) {
        SuiteSettings.Ports ports = suite.settings().ports();
        return """

                Switchboard is running.

                  Gateway (OpenAI-compatible)  %s/v1
                  Demo API key                 %s
                  Admin UI                     %s
                  Routing service              %s   (admin API: Authorization: Bearer %s)
                  Quota service                %s
                  Usage service                %s
                  Mock provider                %s
                  PostgreSQL                   %s  (user %s)
                  PostgreSQL (usage ledger)    %s
                  Redis                        127.0.0.1:%d
                  Kafka                        127.0.0.1:%d

                Try it:

                  curl %s/v1/chat/completions \\
                    -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\
                    -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello!"}]}'

                Its usage lands in the ledger's PostgreSQL, table usage.usage_records (daily sums in
                usage.usage_daily_rollups).  Ctrl-C stops everything.
                """.formatted(suite.edgeUrl(), suite.demoKey(), suite.adminUiUrl(), suite.routingUrl(),
                suite.adminToken(), suite.quotaUrl(), suite.usageUrl(), suite.mockProvider().baseUrl(),
                suite.jdbcUrl(), suite.databaseUser(), suite.ledgerJdbcUrl(), ports.redis(), ports.kafka(),
                suite.edgeUrl(),
                suite.demoKey());
    }
}
