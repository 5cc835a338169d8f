package dev.switchboard.testkit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(SwitchboardInfrastructureIntegrationTests.Empty.class)
class SwitchboardInfrastructureIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "registration_tests");
        SwitchboardInfrastructure.redis().register(registry);
        SwitchboardInfrastructure.kafka().register(registry);
    }

    @Autowired
    private Environment environment;

    @Test
    void sharesOneServerOfEachKindPerJvm() {
        assertThat(SwitchboardInfrastructure.postgres()).isSameAs(SwitchboardInfrastructure.postgres());
        assertThat(SwitchboardInfrastructure.redis()).isSameAs(SwitchboardInfrastructure.redis());
        assertThat(SwitchboardInfrastructure.kafka()).isSameAs(SwitchboardInfrastructure.kafka());
    }

    @Test
    void registersSpringBootConnectionProperties() {
        PostgresFixture postgres = SwitchboardInfrastructure.postgres();
        RedisFixture redis = SwitchboardInfrastructure.redis();

        assertThat(environment.getProperty("spring.datasource.url")).endsWith("/registration_tests");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(postgres.username());
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(postgres.password());
        assertThat(environment.getProperty("spring.data.redis.host")).isEqualTo(redis.host());
        assertThat(environment.getProperty("spring.data.redis.port", Integer.class)).isEqualTo(redis.port());
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
            .isEqualTo(SwitchboardInfrastructure.kafka().bootstrapServers());
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
