package dev.switchboard.usage.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the month partitions of {@code usage_records} ahead of the clock: this month's and the next
 * {@value #MONTHS_AHEAD} exist from startup on and are checked again every few hours, so the first event of a new
 * month never waits for DDL. Events for any other month (a late replay, a skewed clock) still get theirs on demand
 * from {@link UsageLedger#record}.
 */
@Component
class LedgerPartitions {

    static final int MONTHS_AHEAD = 2;

    private static final Logger log = LoggerFactory.getLogger(LedgerPartitions.class);

    private final UsageLedger ledger;
    private final Clock clock;

    @Autowired
    LedgerPartitions(UsageLedger ledger) {
        this(ledger, Clock.systemUTC());
    }

    LedgerPartitions(UsageLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        maintain();
    }

    /** Every six hours by default; a failure (Postgres down) is logged and retried at the next run. */
    @Scheduled(fixedDelayString = "${switchboard.usage.ledger.partition-check-interval:6h}",
            initialDelayString = "${switchboard.usage.ledger.partition-check-interval:6h}")
    void maintain() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try {
            for (int month = 0; month <= MONTHS_AHEAD; month++) {
                ledger.ensurePartition(now.plusMonths(month));
            }
        } catch (DataAccessException e) {
            log.warn("Could not create the usage_records partitions ahead of {}, will try again: {}", now,
                    e.getMostSpecificCause().getMessage());
        }
    }
}
