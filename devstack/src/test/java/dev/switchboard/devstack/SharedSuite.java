package dev.switchboard.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives end-to-end test classes one running suite for the whole test run: starting it costs half a minute on this
 * machine, so every class that declares a {@link LocalSuite} parameter shares the same one, stopped at the end.
 * Tests that inject faults into the shared mock provider clear them when they finish. Public for the test classes
 * of sub-packages.
 */
public class SharedSuite implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSuite.class, key -> RunningSuite.start(), RunningSuite.class)
                .suite();
    }

    private record RunningSuite(LocalSuite suite) implements AutoCloseable {

        static RunningSuite start() {
            try {
                Path root = ServiceModule.findRepositoryRoot(Path.of(""));
                // inside target/ so service logs survive a failure for reading and 'mvn clean' removes them
                Path work = Files.createDirectories(root.resolve("devstack/target/e2e-" + System.currentTimeMillis()));
                return new RunningSuite(LocalSuite.start(SuiteSettings.forTests(root, work)));
            } catch (Exception e) {
                throw new IllegalStateException("The end-to-end suite did not start", e);
            }
        }

        @Override
        public void close() {
            suite.close();
        }
    }
}
