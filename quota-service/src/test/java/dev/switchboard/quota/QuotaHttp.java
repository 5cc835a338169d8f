package dev.switchboard.quota;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Drives a running quota-service over real HTTP, with raw JSON bodies so tests can also send broken ones. */
public final class QuotaHttp {

    public static final String SERVICE_TOKEN = "test-service-token";
    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String SERVICE_TOKEN_PROPERTY = "switchboard.security.service-token=" + SERVICE_TOKEN;
    public static final String ADMIN_TOKEN_PROPERTY = "switchboard.security.admin-token=" + ADMIN_TOKEN;
    public static final String VIEWER_TOKEN = "test-viewer-token";
    public static final String FINANCE_TOKEN = "test-finance-token";

    /** Adds a viewer and a finance principal beside admin, for tests of what each role may do. */
    public static void registerRoles(DynamicPropertyRegistry registry) {
        registry.add("switchboard.security.principals[0].name", () -> "viewer");
        registry.add("switchboard.security.principals[0].role", () -> "viewer");
        registry.add("switchboard.security.principals[0].token", () -> VIEWER_TOKEN);
        registry.add("switchboard.security.principals[1].name", () -> "finance");
        registry.add("switchboard.security.principals[1].role", () -> "finance");
        registry.add("switchboard.security.principals[1].token", () -> FINANCE_TOKEN);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Which credential a call carries. */
    public enum Auth { NONE, ADMIN, SERVICE, VIEWER, FINANCE }

    /** Status, headers and parsed body (a missing node when the body was empty). */
    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    private final RestClient client;

    public QuotaHttp(int port) {
        this.client = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    public Response post(String path, String json, Auth auth) {
        return send(HttpMethod.POST, path, json, auth);
    }

    public Response put(String path, String json, Auth auth) {
        return send(HttpMethod.PUT, path, json, auth);
    }

    public Response delete(String path, Auth auth) {
        return send(HttpMethod.DELETE, path, null, auth);
    }

    /** The newest audit entry of an entity, or a missing node when it has none. */
    public JsonNode lastAudit(String entityType, String entityId) {
        return get("/api/v1/audit?entityType=" + entityType + "&entityId=" + entityId + "&limit=1", Auth.ADMIN)
                .body().path(0);
    }

    public Response get(String path, Auth auth) {
        return send(HttpMethod.GET, path, null, auth);
    }

    /** Any call; a null body sends none. */
    public Response send(HttpMethod method, String path, String json, Auth auth) {
        return send(client.method(method).uri(path).headers(headers -> authenticate(headers, auth)), json);
    }

    /** Any call with {@code Authorization: Bearer <token>}, such as a gateway key managing keys. */
    public Response sendAs(String bearerToken, HttpMethod method, String path, String json) {
        return send(client.method(method).uri(path).headers(headers -> headers.setBearerAuth(bearerToken)), json);
    }

    private static Response send(RestClient.RequestBodySpec request, String json) {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, response) -> read(response.getStatusCode().value(), response.getHeaders(),
                StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)));
    }

    public String getText(String path) {
        return client.get().uri(path).retrieve().body(String.class);
    }

    public Response createTeam(String id) {
        return post("/api/v1/teams", "{\"id\":\"" + id + "\",\"name\":\"Team " + id + "\"}", Auth.ADMIN);
    }

    /** Creates a key; a null limit is sent as JSON null (unlimited). */
    public Response createKey(String teamId, String name, Integer requestsPerMinute) {
        return post("/api/v1/teams/" + teamId + "/keys",
                "{\"name\":\"" + name + "\",\"requestsPerMinute\":" + requestsPerMinute + "}", Auth.ADMIN);
    }

    public Response admit(String keyId, String teamId) {
        return post("/internal/v1/admissions", """
                {"requestId":"%s","keyId":"%s","teamId":"%s","model":"gpt-4o-mini",
                 "estimatedInputTokens":12,"maxOutputTokens":256}"""
                .formatted(UUID.randomUUID(), keyId, teamId), Auth.SERVICE);
    }

    public Response revoke(String keyId) {
        return post("/api/v1/keys/" + keyId + "/revoke", "", Auth.ADMIN);
    }

    /** Computed here rather than with production code, so the test checks the digest the edge will send. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void authenticate(HttpHeaders headers, Auth auth) {
        switch (auth) {
            case ADMIN -> headers.setBearerAuth(ADMIN_TOKEN);
            case SERVICE -> headers.set("x-switchboard-service-token", SERVICE_TOKEN);
            case VIEWER -> headers.setBearerAuth(VIEWER_TOKEN);
            case FINANCE -> headers.setBearerAuth(FINANCE_TOKEN);
            case NONE -> { }
        }
    }

    private static Response read(int status, HttpHeaders headers, String body) {
        return new Response(status, headers, parse(body));
    }

    /** Probes and metrics are not always JSON (Prometheus is text); those bodies read as a missing node. */
    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
