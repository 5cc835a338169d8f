package dev.switchboard.mockprovider.blackhole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 where TCP connects hang: the SYN is never answered, so a client's connect timeout fires
 * instead of a quick "connection refused".
 *
 * <p>It listens with a backlog of 1 and never accepts, and fills its accept queue with connections of its own.
 * Linux then drops every further SYN while the queue stays full (whatever {@code tcp_syncookies} says; see
 * {@code tcp_conn_request} in the kernel's {@code net/ipv4/tcp_input.c}), and the client keeps retransmitting into
 * the void. No root, firewall rule or unroutable address is needed. {@link #open()} proves the hang before it
 * returns, so a platform that answers such SYNs (or refuses them) fails loudly rather than making a test pass for
 * the wrong reason.
 */
public final class BlackHole implements AutoCloseable {

    /** How long a connect must hang to count as hanging; also what each filling connect may take. */
    private static final int PROOF_MILLIS = 200;
    /** Linux queues backlog + 1 connections; a few spare tries cover platforms that round the backlog up. */
    private static final int MAX_FILLERS = 8;

    private final ServerSocket listener;
    private final List<Socket> fillers;

    private BlackHole(ServerSocket listener, List<Socket> fillers) {
        this.listener = listener;
        this.fillers = fillers;
    }

    /** Opens a black hole on a free port; throws when connects to it would not hang on this platform. */
    public static BlackHole open() {
        ServerSocket listener = null;
        List<Socket> fillers = new ArrayList<>();
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort());
            while (true) {
                Socket filler = new Socket();
                try {
                    filler.connect(address, PROOF_MILLIS);
                } catch (SocketTimeoutException full) {
                    filler.close();
                    if (fillers.isEmpty()) {
                        throw new IllegalStateException("not even one connect to the black hole's listener went "
                                + "through; cannot tell a hang from a broken listener");
                    }
                    return new BlackHole(listener, fillers);
                }
                fillers.add(filler);
                if (fillers.size() >= MAX_FILLERS) {
                    throw new IllegalStateException(MAX_FILLERS + " connects were accepted into a backlog of 1: "
                            + "this platform does not drop SYNs when the accept queue is full");
                }
            }
        } catch (IOException e) {
            closeQuietly(fillers, listener);
            throw new UncheckedIOException("could not open a connect black hole", e);
        } catch (RuntimeException e) {
            closeQuietly(fillers, listener);
            throw e;
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}: a base URL whose connects time out. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        closeQuietly(fillers, listener);
    }

    private static void closeQuietly(List<Socket> fillers, ServerSocket listener) {
        for (Socket filler : fillers) {
            try {
                filler.close();
            } catch (IOException ignored) {
                // closing is best effort: the process may be on its way out
            }
        }
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // as above
            }
        }
    }
}
