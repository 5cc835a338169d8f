package dev.switchboard.mockprovider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Plain java.net.http calls for checking bytes on the wire, where the vendor SDKs would hide them. */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RawHttp() {
    }

    public static HttpResponse<String> post(String url, String body, String... headers) {
        return send(request(url, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static HttpResponse<String> get(String url, String... headers) {
        return send(request(url, headers).GET().build());
    }

    public static HttpResponse<String> put(String url, String body, String... headers) {
        return send(request(url, headers).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static HttpResponse<String> delete(String url) {
        return send(request(url).DELETE().build());
    }

    /** Sends and waits at most {@code timeout} for the response headers. */
    public static HttpResponse<InputStream> postForStream(String url, String body, Duration timeout,
                                                          String... headers) throws IOException, InterruptedException {
        return CLIENT.send(request(url, headers).timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** What a body delivered before it ended, and whether it ended with an error (a cut connection). */
    public record Read(String text, boolean cut) {
    }

    public static Read readAll(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            return new Read(out.toString(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            return new Read(out.toString(StandardCharsets.UTF_8), true);
        }
    }

    /** Payloads of the {@code data:} lines of an SSE body, in order. */
    public static List<String> sseData(String body) {
        return sseField(body, "data: ");
    }

    /** Names from the {@code event:} lines of an SSE body, in order. */
    public static List<String> sseEvents(String body) {
        return sseField(body, "event: ");
    }

    private static List<String> sseField(String body, String prefix) {
        List<String> values = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith(prefix)) {
                values.add(line.substring(prefix.length()));
            }
        }
        return values;
    }

    private static HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
