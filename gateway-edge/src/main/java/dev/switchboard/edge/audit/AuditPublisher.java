package dev.switchboard.edge.audit;

import dev.switchboard.contracts.audit.AuditEvent;
import dev.switchboard.contracts.audit.AuditTopics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the edge's admin changes to the audit topic and reports when the broker has them ({@code acks=all}). The
 * edge has no database to write an audit row in the change's transaction, so a change is made only after its
 * event is acknowledged: an unrecorded change is refused rather than made silently.
 */
@Component
public class AuditPublisher implements DisposableBean {

    private final JsonMapper json;
    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;

    AuditPublisher(JsonMapper json,
                   @Value("${switchboard.edge.usage.bootstrap-servers:localhost:9092}") String bootstrapServers,
                   @Value("${switchboard.edge.audit.timeout:5s}") Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        long millis = timeout.toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, millis,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) millis,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) millis,
                ProducerConfig.CLIENT_ID_CONFIG, "gateway-edge-audit"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Completes once the broker has acknowledged the event, or fails ({@link AuditUnavailableException}) within the
     * timeout. {@code send} may block on broker metadata, so it runs on the bounded-elastic scheduler.
     */
    public Mono<Void> record(AuditEvent event) {
        return Mono.defer(() -> {
                    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
                    producer.send(new ProducerRecord<>(AuditTopics.AUDIT_V1, event.entityId(),
                            json.writeValueAsBytes(event)), (metadata, error) -> {
                        if (error == null) {
                            acknowledged.complete(null);
                        } else {
                            acknowledged.completeExceptionally(error);
                        }
                    });
                    return Mono.fromFuture(acknowledged);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout.plusSeconds(1))
                .onErrorMap(error -> new AuditUnavailableException(error));
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
