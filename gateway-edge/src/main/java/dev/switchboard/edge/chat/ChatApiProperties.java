package dev.switchboard.edge.chat;

import dev.switchboard.edge.provider.ChatRequestLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxRequestBytes        larger request bodies are refused with 413 before being parsed
 * @param defaultMaxOutputTokens output cap assumed for admission when a request sets none
 * @param maxN                   largest {@code n} (choices per request) accepted; OpenAI's own bound is 128
 * @param maxOutputTokens        largest {@code max_tokens} / {@code max_completion_tokens} accepted
 * @param maxMessages            most {@code messages} accepted in one request
 */
@ConfigurationProperties("switchboard.edge.chat")
public record ChatApiProperties(@DefaultValue("10485760") int maxRequestBytes,
                                @DefaultValue("4096") long defaultMaxOutputTokens,
                                @DefaultValue("128") int maxN,
                                @DefaultValue("1000000") long maxOutputTokens,
                                @DefaultValue("10000") int maxMessages) {

    public ChatRequestLimits limits() {
        return new ChatRequestLimits(maxN, maxOutputTokens, maxMessages);
    }
}
