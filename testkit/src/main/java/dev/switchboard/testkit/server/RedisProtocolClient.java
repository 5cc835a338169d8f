package dev.switchboard.testkit.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends single Redis commands over RESP so the testkit can probe and flush Redis without a client library.
 */
public final class RedisProtocolClient {

    private static final int TIMEOUT_MILLIS = 2_000;

    private RedisProtocolClient() {
    }

    /**
     * Runs one command and returns the first line of the reply, e.g. {@code +PONG} or {@code -ERR ...}.
     *
     * @throws IOException if Redis cannot be reached
     */
    public static String call(String host, int port, String... command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(encode(command));
            out.flush();
            return readLine(new BufferedInputStream(socket.getInputStream()));
        }
    }

    /** True when a server on {@code host:port} answers PING. */
    public static boolean ping(String host, int port) {
        try {
            return "+PONG".equals(call(host, port, "PING"));
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static byte[] encode(String... command) {
        StringBuilder resp = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int current = in.read(); current != -1; current = in.read()) {
            if (previous == '\r' && current == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(current);
            previous = current;
        }
        throw new IOException("Redis closed the connection before replying");
    }
}
