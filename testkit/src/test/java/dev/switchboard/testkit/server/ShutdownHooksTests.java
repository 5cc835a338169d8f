package dev.switchboard.testkit.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownHooksTests {

    @Test
    void waitsForSpringShutdownHookThreadsToFinish() throws InterruptedException {
        Thread springHook = new Thread(() -> pause(300), "SpringContextShutdownHook");
        springHook.start();

        ShutdownHooks.awaitSpringShutdownHooks(5_000);

        assertThat(springHook.isAlive()).isFalse();
    }

    @Test
    void givesUpWaitingAfterTheTimeout() throws InterruptedException {
        Thread stuckHook = new Thread(() -> pause(5_000), "SpringApplicationShutdownHook");
        stuckHook.setDaemon(true);
        stuckHook.start();
        long started = System.nanoTime();

        ShutdownHooks.awaitSpringShutdownHooks(200);

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        stuckHook.interrupt();
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
