package dev.switchboard.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** A service module of the repository and the executable jar its build produces. */
enum ServiceModule {
    ROUTING("routing-service"),
    QUOTA("quota-service"),
    USAGE("usage-service"),
    EDGE("gateway-edge"),
    ADMIN_UI("admin-ui");

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final String directory;

    ServiceModule(String directory) {
        this.directory = directory;
    }

    String displayName() {
        return directory;
    }

    Path jar(Path repositoryRoot) {
        Path jar = repositoryRoot.resolve(directory).resolve("target").resolve(directory + "-" + VERSION + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build first with ./mvnw -DskipTests package");
        }
        return jar;
    }

    /** The repository root: the nearest directory upwards from {@code start} that holds this module. */
    static Path findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("gateway-edge").resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside a Switchboard checkout: " + start.toAbsolutePath());
    }
}
