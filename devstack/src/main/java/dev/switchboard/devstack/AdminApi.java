package dev.switchboard.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON client for one service's HTTP API, authenticated with one header. */
final class AdminApi {

    record Response(int status, JsonNode body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Decimals stay exact: budgets and spend are compared to the cent and beyond. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final String baseUrl;
    private final String headerName;
    private final String headerValue;

    private AdminApi(String baseUrl, String headerName, String headerValue) {
        this.baseUrl = baseUrl;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    static AdminApi admin(String baseUrl, String adminToken) {
        return new AdminApi(baseUrl, "Authorization", "Bearer " + adminToken);
    }

    static AdminApi internal(String baseUrl, String serviceToken) {
        return new AdminApi(baseUrl, "x-switchboard-service-token", serviceToken);
    }

    Response send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header(headerName, headerValue)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends and insists on one of the {@code expected} statuses. */
    Response expect(String method, String path, Object body, int... expected) {
        Response response = send(method, path, body);
        for (int status : expected) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": " + response.body());
    }
}
