package dev.switchboard.edge.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxRequestBytes        larger request bodies are refused with 413 before being parsed
 * @param defaultMaxOutputTokens output cap assumed for admission when a request sets none
 */
@ConfigurationProperties("switchboard.edge.chat")
public record ChatApiProperties(@DefaultValue("16777216") int maxRequestBytes,
                                @DefaultValue("4096") long defaultMaxOutputTokens) {
}
