package dev.switchboard.quota.admission;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Admission settings ({@code switchboard.quota.admission.*}).
 *
 * @param failOpen         admit requests when Redis cannot be reached, instead of refusing them with 503; request
 *                         rates are then limited per instance in memory, budgets not at all
 * @param keyCacheTtl      how long a key's status and limits are trusted in memory; revocations made on
 *                         another instance are seen at most this late
 * @param keyCacheMaxSize  keys held in that cache at most
 */
@Validated
@ConfigurationProperties("switchboard.quota.admission")
record AdmissionProperties(
        @DefaultValue("false") boolean failOpen,
        @NotNull @DefaultValue("5s") Duration keyCacheTtl,
        @Positive @DefaultValue("100000") long keyCacheMaxSize) {
}
