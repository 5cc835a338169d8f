package dev.switchboard.edge.usage;

import dev.switchboard.contracts.usage.UsageTopics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where usage events go. */
@ConfigurationProperties("switchboard.edge.usage")
public record UsagePublisherProperties(@DefaultValue("localhost:9092") String bootstrapServers,
                                       @DefaultValue(UsageTopics.USAGE_V1) String topic) {
}
