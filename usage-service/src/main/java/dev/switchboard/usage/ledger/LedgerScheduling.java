package dev.switchboard.usage.ledger;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the ledger's housekeeping ({@link LedgerPartitions}) on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LedgerScheduling {
}
