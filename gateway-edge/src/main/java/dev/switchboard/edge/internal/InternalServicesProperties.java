package dev.switchboard.edge.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the internal services live and the token the edge presents to them.
 *
 * @param timeout how long one internal call may take before the request fails closed
 */
@Validated
@ConfigurationProperties("switchboard.edge.services")
public record InternalServicesProperties(@NotNull URI quotaUrl, @NotNull URI routingUrl,
                                         @NotBlank String serviceToken,
                                         @DefaultValue("2s") Duration timeout,
                                         @DefaultValue("1000") int maxConnections) {
}
