package dev.switchboard.testkit.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Kafka topics idempotently with a short-lived admin client.
 */
public final class KafkaTopicAdmin {

    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopicAdmin() {
    }

    /** Creates the topic with replication factor 1 unless a topic of that name exists already. */
    public static void createTopic(String bootstrapServers, String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "switchboard-testkit-admin"))) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.of((short) 1))))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + name, ex.getCause());
            }
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("Timed out creating topic " + name + " on " + bootstrapServers, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, ex);
        }
    }
}
