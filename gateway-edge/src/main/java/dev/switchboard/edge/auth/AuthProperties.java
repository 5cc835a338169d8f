package dev.switchboard.edge.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl how long an authenticated key is trusted without asking quota-service again; this bounds how
 *                 long a revoked key keeps working at this edge (admission re-checks revocation on every request)
 */
@ConfigurationProperties("switchboard.edge.auth")
public record AuthProperties(@DefaultValue("5s") Duration cacheTtl, @DefaultValue("100000") int cacheSize) {
}
