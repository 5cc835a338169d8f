package dev.switchboard.edge.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection settings and timeouts for provider calls. Reactor Netty's default pool (500 connections, 1,000
 * pending) is far too small for thousands of concurrent streams, hence the large defaults.
 *
 * @param connectTimeout    time allowed to open a TCP (and TLS) connection
 * @param firstTokenTimeout on streams, time allowed from sending the request until the first body bytes arrive;
 *                          reasoning models may think for a while before their first token
 * @param idleTimeout       on streams, the longest silence allowed between two reads once the stream started
 * @param totalTimeout      the whole call, headers to last byte, streamed or not
 */
@ConfigurationProperties("switchboard.edge.upstream")
public record UpstreamProperties(@DefaultValue("20000") int maxConnections,
                                 @DefaultValue("5s") Duration connectTimeout,
                                 @DefaultValue("120s") Duration firstTokenTimeout,
                                 @DefaultValue("60s") Duration idleTimeout,
                                 @DefaultValue("600s") Duration totalTimeout,
                                 @DefaultValue("60s") Duration maxIdleTime) {
}
