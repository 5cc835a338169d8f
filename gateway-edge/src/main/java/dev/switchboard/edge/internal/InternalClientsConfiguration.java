package dev.switchboard.edge.internal;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

/** One pooled HTTP client shared by the quota and routing clients. */
@Configuration(proxyBeanMethods = false)
class InternalClientsConfiguration {

    @Bean(destroyMethod = "dispose")
    ConnectionProvider internalConnections(InternalServicesProperties properties) {
        return ConnectionProvider.builder("switchboard-internal")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(-1)
                // Reactor Netty waits 45 s by default for a pooled connection, and neither the connect nor the
                // response timeout covers that wait: bound it like every other part of an internal call
                .pendingAcquireTimeout(properties.timeout())
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    InternalServiceClient quotaServiceClient(ConnectionProvider internalConnections,
                                             InternalServicesProperties properties, JsonMapper json) {
        return new InternalServiceClient("quota-service", httpClient(internalConnections, properties),
                properties.quotaUrl(), properties.serviceToken(), json);
    }

    @Bean
    InternalServiceClient routingServiceClient(ConnectionProvider internalConnections,
                                               InternalServicesProperties properties, JsonMapper json) {
        return new InternalServiceClient("routing-service", httpClient(internalConnections, properties),
                properties.routingUrl(), properties.serviceToken(), json);
    }

    private static HttpClient httpClient(ConnectionProvider connections, InternalServicesProperties properties) {
        return HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
                .responseTimeout(properties.timeout())
                .followRedirect(false);
    }
}
