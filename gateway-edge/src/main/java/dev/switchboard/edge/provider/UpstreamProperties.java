package dev.switchboard.edge.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection settings for provider calls. Reactor Netty's default pool (500 connections, 1,000 pending) is far
 * too small for thousands of concurrent streams, hence the large defaults.
 *
 * @param responseTimeout time allowed until the provider's response headers arrive
 */
@ConfigurationProperties("switchboard.edge.upstream")
public record UpstreamProperties(@DefaultValue("20000") int maxConnections,
                                 @DefaultValue("5s") Duration connectTimeout,
                                 @DefaultValue("600s") Duration responseTimeout,
                                 @DefaultValue("60s") Duration maxIdleTime) {
}
