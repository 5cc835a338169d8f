package dev.switchboard.routing.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.RoutingHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class SeedFileImportIntegrationTests {

    static final String SEED = """
            providers:
            - id: seeded
              type: openai
              baseUrl: http://127.0.0.1:1/v1
              credentialRef: SEEDED_KEY
            models:
            - name: seeded-model
              provider: seeded
              version: "1"
              price: {inputPerMillion: 0.15, outputPerMillion: 0.6}
            aliases:
            - name: seeded-alias
              model: seeded-model
            """;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_seed_tests");
        try {
            Path file = Files.createTempFile("registry-seed", ".yaml");
            Files.writeString(file, SEED);
            file.toFile().deleteOnExit();
            registry.add("switchboard.routing.seed-file", file::toString);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SeedFileImport seedFileImport;

    @Test
    void importsTheSeedFileAtStartupAsTheSeedFileActor() {
        assertThat(jdbc.sql("select model_name from routing.model_aliases where name = 'seeded-alias'")
                .query(String.class).single()).isEqualTo("seeded-model");
        assertThat(jdbc.sql("select distinct actor from routing.audit_log").query(String.class).list())
                .containsExactly("seed-file");
        assertThat(jdbc.sql("select count(*) from routing.audit_log").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void importingItAgainOnARestartChangesNothing() {
        long version = jdbc.sql("select version from routing.registry_version").query(Long.class).single();
        ApplicationArguments none = new DefaultApplicationArguments();

        seedFileImport.run(none);

        assertThat(jdbc.sql("select version from routing.registry_version").query(Long.class).single())
                .isEqualTo(version);
        assertThat(jdbc.sql("select count(*) from routing.audit_log").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from routing.model_prices").query(Long.class).single()).isEqualTo(1);
    }
}
