package dev.switchboard.quota.rebuild;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the usage ledger is read from when budget counters are rebuilt ({@code switchboard.quota.ledger.*}).
 *
 * @param usageUrl base URL of usage-service
 * @param timeout  per ledger call; admissions wait for a rebuild, so it stays short
 */
@Validated
@ConfigurationProperties("switchboard.quota.ledger")
record LedgerProperties(@NotBlank @DefaultValue("http://localhost:8083") String usageUrl,
                        @NotNull @DefaultValue("5s") Duration timeout) {
}
