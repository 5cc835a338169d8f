package dev.switchboard.usage.ledger;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;

/** JSON output settings for money. */
@Configuration(proxyBeanMethods = false)
class LedgerJsonConfiguration {

    /** Writes a cost of 1E-8 as 0.00000001: still an exact JSON number, but readable by finance and scripts. */
    @Bean
    JsonMapperBuilderCustomizer plainBigDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
