package dev.switchboard.usage;

import dev.switchboard.contracts.error.ServiceError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** GETs from a running usage-service over real HTTP and hands back status and raw body, whatever the status. */
public final class UsageHttp {

    public static final String SERVICE_TOKEN_HEADER = "x-switchboard-service-token";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    public UsageHttp(int port) {
        this.client = RestClient.create("http://localhost:" + port);
    }

    /** A GET carrying {@code header}, or no credentials at all when {@code value} is null. */
    public ResponseEntity<String> get(String path, String header, String value) {
        return client.get().uri(path)
                .headers(headers -> {
                    if (value != null) {
                        headers.set(header, value);
                    }
                })
                .retrieve()
                .onStatus(status -> true, (request, response) -> {
                })
                .toEntity(String.class);
    }

    public static ServiceError error(ResponseEntity<String> response) {
        return JSON.readValue(response.getBody(), ServiceError.class);
    }
}
