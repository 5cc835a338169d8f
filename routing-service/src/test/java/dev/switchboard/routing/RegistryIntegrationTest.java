package dev.switchboard.routing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of HTTP tests that seed their own registry: each test starts from an empty one, since rules and models
 * left by another test of the class would change what a plan picks. Subclasses name their database with
 * {@code @DynamicPropertySource} and {@link RoutingHttp#register}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RegistryIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected RoutingHttp http;
    protected RegistryFixture registry;

    @BeforeEach
    void emptyRegistryWithProviderP1() {
        RegistryFixture.reset(jdbc);
        http = new RoutingHttp(port);
        registry = new RegistryFixture(http);
        registry.provider("p1", "");
    }
}
