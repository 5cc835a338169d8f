package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.netty.Connection;

class CallTimerTests {

    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long FAR = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);

    /** Runs the channel's scheduled tasks until {@code nanos} of real time passed. */
    private static void waitOn(EmbeddedChannel channel, long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            channel.runScheduledPendingTasks();
            Thread.sleep(5);
        }
        channel.runScheduledPendingTasks();
    }

    @Test
    void closesTheCallWhenNothingArrivesBeforeTheFirstTokenLimit() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        CallTimer timer = new CallTimer(40 * MILLI, 10_000 * MILLI, FAR);
        timer.start(Connection.from(channel));

        waitOn(channel, 120 * MILLI);

        assertThat(timer.expired()).isEqualTo("first_token");
        assertThat(channel.isOpen()).isFalse();
        assertThat(timer.failure().status()).isEqualTo(504);
    }

    @Test
    void appliesTheIdleLimitOnceBytesArrived() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        CallTimer timer = new CallTimer(40 * MILLI, 150 * MILLI, FAR);
        timer.start(Connection.from(channel));

        for (int i = 0; i < 6; i++) {
            timer.read();
            waitOn(channel, 30 * MILLI);
        }
        assertThat(channel.isOpen()).as("reads every 30 ms keep a stream alive past the first-token limit").isTrue();

        waitOn(channel, 300 * MILLI);
        assertThat(timer.expired()).isEqualTo("idle");
        assertThat(channel.isOpen()).isFalse();
    }

    /** A stall right after the first bytes is caught at the idle limit, not at the later first-token one. */
    @Test
    void catchesAStallAfterTheFirstBytesAtTheIdleLimitWhenThatComesFirst() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        CallTimer timer = new CallTimer(2_000 * MILLI, 60 * MILLI, FAR);
        timer.start(Connection.from(channel));

        timer.read();
        waitOn(channel, 250 * MILLI);

        assertThat(timer.expired()).isEqualTo("idle");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void enforcesTheDeadlineWhateverTheReads() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        CallTimer timer = new CallTimer(10_000 * MILLI, 10_000 * MILLI, System.nanoTime() + 60 * MILLI);
        timer.start(Connection.from(channel));

        timer.read();
        waitOn(channel, 150 * MILLI);

        assertThat(timer.expired()).isEqualTo("total");
    }

    @Test
    void aStoppedTimerNeverCloses() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        CallTimer timer = new CallTimer(30 * MILLI, 30 * MILLI, FAR);
        timer.start(Connection.from(channel));

        timer.stop();
        waitOn(channel, 100 * MILLI);

        assertThat(timer.expired()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }
}
