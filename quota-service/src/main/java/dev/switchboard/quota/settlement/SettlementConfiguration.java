package dev.switchboard.quota.settlement;

import dev.switchboard.contracts.quota.QuotaTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The settlement consumer's failure policy, and the alert topic quota-service publishes to. */
@Configuration(proxyBeanMethods = false)
class SettlementConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SettlementConfiguration.class);

    /**
     * A settlement that fails (Redis down, ledger unreadable during a rebuild) is retried with back-off for as long
     * as it takes: skipping it would forget spend. Boot applies this bean to the listener container factory.
     */
    @Bean
    DefaultErrorHandler settlementErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        // short: while it waits, this consumer's other partitions wait too, and their reservations age
        backOff.setMaxInterval(2_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setRetryListeners((record, exception, deliveryAttempt) -> log.warn(
                "Could not settle usage message {}-{}@{} (delivery attempt {}), will retry: {}", record.topic(),
                record.partition(), record.offset(), deliveryAttempt, exception.getMessage()));
        return handler;
    }

    @Bean
    NewTopic budgetAlertTopic() {
        return TopicBuilder.name(QuotaTopics.BUDGET_ALERTS_V1).partitions(3).build();
    }
}
