package dev.switchboard.testkit.server;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops servers when the JVM exits, after the Spring contexts that use them have closed.
 * <p>
 * The JVM runs all shutdown hooks at once. Stopping Kafka or PostgreSQL while a cached test context is still
 * closing makes its consumers and pools wait for timeouts and log errors, so each hook first waits (bounded)
 * for Spring's own shutdown hook threads.
 */
public final class ShutdownHooks {

    private static final Logger log = LoggerFactory.getLogger(ShutdownHooks.class);

    private static final Set<String> SPRING_HOOK_THREADS = Set.of("SpringContextShutdownHook",
            "SpringApplicationShutdownHook");

    private static final long SPRING_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(20);

    private ShutdownHooks() {
    }

    /** Registers a hook that runs {@code close} at JVM exit; pass the result to {@link #unregister} after closing early. */
    public static Thread register(String name, AutoCloseable close) {
        Thread hook = new Thread(() -> {
            awaitSpringShutdownHooks(SPRING_WAIT_MILLIS);
            try {
                close.close();
            }
            catch (Exception ex) {
                log.warn("Stopping {} at JVM exit failed", name, ex);
            }
        }, "switchboard-testkit-stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes a hook once its server was closed explicitly; a no-op while the JVM is already exiting. */
    public static void unregister(Thread hook) {
        if (hook == null || hook == Thread.currentThread()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException ex) {
            // shutdown in progress: the hook runs anyway and finds the server closed
        }
    }

    static void awaitSpringShutdownHooks(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        // Hooks are started one after another; give Spring's a moment to be started before looking for it.
        pause(50);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long left = deadline - System.currentTimeMillis();
            if (left > 0 && SPRING_HOOK_THREADS.contains(thread.getName())) {
                try {
                    thread.join(left);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
