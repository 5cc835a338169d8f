package dev.switchboard.usage.ingest;

import dev.switchboard.contracts.audit.AuditTopics;
import dev.switchboard.contracts.usage.UsageTopics;
import dev.switchboard.usage.audit.MalformedAuditEventException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;

/** Topics and the failure policy of the usage consumer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngestProperties.class, IngestFaultProperties.class})
class IngestConfiguration {

    /** Where messages that can never become a ledger row are kept for inspection and manual replay. */
    static final String DEAD_LETTER_SUFFIX = ".dlt";
    static final String DEAD_LETTER_TOPIC = UsageTopics.USAGE_V1 + DEAD_LETTER_SUFFIX;

    private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

    @Bean
    NewTopic usageTopic(IngestProperties properties) {
        return TopicBuilder.name(UsageTopics.USAGE_V1).partitions(properties.topicPartitions()).build();
    }

    @Bean
    NewTopic auditTopic(IngestProperties properties) {
        return TopicBuilder.name(AuditTopics.AUDIT_V1).partitions(properties.topicPartitions()).build();
    }

    @Bean
    NewTopic auditDeadLetterTopic(IngestProperties properties) {
        return TopicBuilder.name(AuditTopics.AUDIT_V1 + DEAD_LETTER_SUFFIX).partitions(properties.topicPartitions())
                .build();
    }

    @Bean
    NewTopic usageDeadLetterTopic(IngestProperties properties) {
        return TopicBuilder.name(DEAD_LETTER_TOPIC).partitions(properties.topicPartitions()).build();
    }

    /**
     * Poison messages (unparseable, or rejected by the database's integrity rules) go to the dead-letter topic
     * at once; every other failure (Postgres down, pool exhausted, ...) is retried with back-off forever, so
     * the offset is not committed and the event is not skipped. Boot applies this bean to the listener
     * container factory.
     */
    @Bean
    DefaultErrorHandler usageIngestErrorHandler(KafkaTemplate<?, ?> template, IngestProperties properties,
                                                IngestMetrics metrics) {
        // Each topic has its own dead-letter topic (usage and audit). Partition -1 lets the producer pick by key:
        // a topic may have more partitions than its DLT.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            log.warn("Skipping poison message {}-{}@{} (sent to {}{}): {}", record.topic(), record.partition(),
                    record.offset(), record.topic(), DEAD_LETTER_SUFFIX, rootMessage(exception));
            deadLetters.accept(record, exception);
            metrics.poison();
        };
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedUsageEventException.class, MalformedAuditEventException.class,
                DataIntegrityViolationException.class);
        // The handler itself is quiet while it retries; an outage of the ledger must show in the logs.
        handler.setRetryListeners((record, exception, deliveryAttempt) -> {
            if (!isPoison(exception)) {
                metrics.retry();
                log.warn("Could not store usage message {}-{}@{} (delivery attempt {}), will retry: {}",
                        record.topic(), record.partition(), record.offset(), deliveryAttempt, rootMessage(exception));
            }
        });
        return handler;
    }

    /**
     * Failures that retrying cannot fix (the same list the handler is given): the message is not a usage event,
     * or Postgres refuses the row itself (e.g. a NUL character in a text field). Connection failures are not
     * among them: they are retried.
     */
    private static boolean isPoison(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedUsageEventException || cause instanceof MalformedAuditEventException
                    || cause instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return false;
    }

    /** The listener's own exception without the container's wrapper; for SQL errors the driver's message only. */
    private static String rootMessage(Exception exception) {
        Throwable cause = exception instanceof ListenerExecutionFailedException && exception.getCause() != null
                ? exception.getCause() : exception;
        if (cause instanceof DataAccessException dataAccess) {
            cause = dataAccess.getMostSpecificCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
