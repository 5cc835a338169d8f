package dev.switchboard.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The public API of Switchboard: OpenAI-compatible ingress in front of many providers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdgeApplication {

    public static void main(String[] args) {
        // pooled buffers cut per-request CPU on the relay path (measured by an edge prototype on this hardware)
        if (System.getProperty("io.netty.allocator.type") == null) {
            System.setProperty("io.netty.allocator.type", "pooled");
        }
        SpringApplication.run(EdgeApplication.class, args);
    }
}
