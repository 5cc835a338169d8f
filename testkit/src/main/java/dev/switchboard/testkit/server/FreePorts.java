package dev.switchboard.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds TCP ports that are free on the loopback interface right now.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * Asks the kernel for an ephemeral port and releases it again. Another process may grab it before the
     * caller binds, which is rare enough for tests; servers that cannot take port 0 leave no other choice.
     */
    public static int next() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not find a free port", ex);
        }
    }

    /**
     * Fails fast with a readable message when {@code port} is taken on the loopback interface. Without it a busy
     * fixed port shows up late and obscurely: Kafka after a long failed startup, zonky as a hang.
     */
    public static void requireFree(int port, String server) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot start " + server + ": port " + port + " is already in use", ex);
        }
    }
}
