package dev.switchboard.edge.provider;

import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.resilience.AttemptFailure;
import dev.switchboard.edge.resilience.FailureKind;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.netty.Connection;

/**
 * The timeouts of one provider call, watched by a single task on the connection's own event loop: until the first
 * bytes of the answer the first-token limit applies, after them the idle limit between reads, and the call's
 * deadline throughout. Reads only stamp a time; the task re-arms itself lazily (as Netty's IdleStateHandler does),
 * so a stream of thousands of chunks costs no timer operations and no thread wake-ups. When a limit passes, the
 * connection is closed, which fails the call; {@link #expired()} then says which limit it was.
 */
public final class CallTimer implements Runnable {

    private final long startNanos = System.nanoTime();
    private final long firstTokenNanos;
    private final long idleNanos;
    private final long deadlineNanos;
    private volatile long lastReadNanos;
    private volatile String expired;
    private volatile boolean stopped;
    private Connection connection;
    private ScheduledFuture<?> check;

    CallTimer(long firstTokenNanos, long idleNanos, long deadlineNanos) {
        this.firstTokenNanos = firstTokenNanos;
        this.idleNanos = idleNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /** Starts watching once the request is on its connection; called on that connection's event loop. */
    void start(Connection connection) {
        this.connection = connection;
        if (!stopped) {
            arm(nextLimit() - System.nanoTime());
        }
    }

    /**
     * Notes that answer bytes arrived: from now on the idle limit applies. Called on the connection's event loop.
     * Only the first read can move the check earlier (the pending one waits for the first-token limit, which may
     * be later than the idle limit from now); every later read only stamps the time.
     */
    public void read() {
        long now = System.nanoTime();
        boolean first = lastReadNanos == 0;
        lastReadNanos = now;
        if (first && !stopped && connection != null && idleNanos < firstTokenNanos) {
            ScheduledFuture<?> pending = check;
            if (pending != null) {
                pending.cancel(false);
            }
            arm(Math.min(now + idleNanos, deadlineNanos) - now);
        }
    }

    /** Ends the watch: the call finished or was abandoned. */
    public void stop() {
        stopped = true;
        ScheduledFuture<?> pending = check;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Which limit closed the call ({@code first_token}, {@code idle} or {@code total}), or null. */
    public String expired() {
        return expired;
    }

    /** The client-facing failure for an expired call. */
    public GatewayException failure() {
        return ErrorKind.TIMEOUT.exception(switch (expired == null ? "total" : expired) {
            case "first_token" -> "The provider sent nothing within the gateway's first-token timeout.";
            case "idle" -> "The provider's stream stalled past the gateway's idle timeout.";
            default -> "The provider did not finish within the gateway's timeout.";
        }, 0);
    }

    /** The expired call as a classified attempt failure; after the first byte it is a broken stream. */
    public AttemptFailure attemptFailure(boolean afterFirstByte) {
        return new AttemptFailure(FailureKind.ofTimer(expired, afterFirstByte), 0, failure());
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        long limit = nextLimit();
        if (now < limit) {
            arm(limit - now);
            return;
        }
        expired = limit == deadlineNanos ? "total" : lastReadNanos == 0 ? "first_token" : "idle";
        // closing the channel fails the pending response or body as a provider disconnect would; disposing the
        // operations instead would silently drop what the body had buffered
        connection.channel().close();
    }

    private long nextLimit() {
        long read = lastReadNanos;
        long phase = read == 0 ? startNanos + firstTokenNanos : read + idleNanos;
        return Math.min(phase, deadlineNanos);
    }

    private void arm(long delayNanos) {
        check = connection.channel().eventLoop().schedule(this, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }
}
