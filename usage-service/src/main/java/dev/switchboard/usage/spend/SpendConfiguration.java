package dev.switchboard.usage.spend;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock burn rates are measured against; tests replace it to fix "now". */
@Configuration(proxyBeanMethods = false)
class SpendConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock spendClock() {
        return Clock.systemUTC();
    }
}
