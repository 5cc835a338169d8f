package dev.switchboard.quota;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Teams, hashed gateway keys and admission (rate limits now; token quotas and budgets later). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuotaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuotaServiceApplication.class, args);
    }

    /** Rate-limit windows are computed from this clock, so tests can pin the time inside a window. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
