package dev.switchboard.routing.transfer;

import dev.switchboard.routing.audit.SystemActor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Imports {@code switchboard.routing.seed-file} at startup (the Helm chart mounts one). Never prunes, and entries
 * already as in the file are left alone, so restarts and several replicas starting at once are harmless. A bad
 * file stops the service: running with a registry other than the one deployed would be worse.
 */
@Component
@ConditionalOnExpression("!'${switchboard.routing.seed-file:}'.isBlank()")
class SeedFileImport implements ApplicationRunner {

    static final String ACTOR = "seed-file";
    private static final Logger log = LoggerFactory.getLogger(SeedFileImport.class);

    private final RegistryImport registryImport;
    private final Path file;

    SeedFileImport(RegistryImport registryImport, @Value("${switchboard.routing.seed-file}") Path file) {
        this.registryImport = registryImport;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        ImportSummary summary = SystemActor.callAs(ACTOR, () -> registryImport.importFile(read(), false, false));
        log.info("Imported seed file {}: changed={}, registry version {}, {}", file, summary.changed(),
                summary.registryVersion(), summary.sections());
    }

    private byte[] read() {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] yaml = in.readNBytes(RegistryYaml.MAX_BYTES + 1);
            if (yaml.length > RegistryYaml.MAX_BYTES) {
                throw new IllegalStateException("seed file " + file + " is larger than " + RegistryYaml.MAX_BYTES
                        + " bytes");
            }
            return yaml;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + file, e);
        }
    }
}
