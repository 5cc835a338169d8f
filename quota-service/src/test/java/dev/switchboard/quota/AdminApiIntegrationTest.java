package dev.switchboard.quota;

import dev.switchboard.testkit.SwitchboardInfrastructure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole service on a random port against real PostgreSQL and Redis, with admin, viewer and finance principals.
 * Each subclass registers its own fresh database through {@link #infrastructure}, so classes do not see each
 * other's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY})
public abstract class AdminApiIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected QuotaHttp http;

    protected static void infrastructure(DynamicPropertyRegistry registry, String database) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, database);
        SwitchboardInfrastructure.redis().register(registry);
        // settlement consumes usage events; without a broker the context waits ~40 s for Kafka at start
        SwitchboardInfrastructure.kafka().register(registry);
        QuotaHttp.registerRoles(registry);
    }

    @BeforeEach
    void client() {
        http = new QuotaHttp(port);
    }

    /** Asserts a 400 whose message names the field at fault. */
    protected static void assertInvalid(QuotaHttp.Response response, String messagePart) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("invalid_request");
        assertThat(response.text("message")).contains(messagePart);
    }
}
