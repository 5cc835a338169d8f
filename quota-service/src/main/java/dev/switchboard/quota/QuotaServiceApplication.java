package dev.switchboard.quota;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Teams, hashed gateway keys, limits and budgets, and the admission that enforces them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
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
