package dev.switchboard.edge.internal;

import java.net.URI;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/** Builds an {@link InternalServiceClient} for tests of the clients that use one, without a Spring context. */
public final class InternalServiceClients {

    private InternalServiceClients() {
    }

    public static InternalServiceClient to(String service, URI baseUrl, String serviceToken) {
        return new InternalServiceClient(service, HttpClient.create(), baseUrl, serviceToken,
                JsonMapper.builder().build());
    }
}
