package dev.switchboard.testkit.server;

import java.lang.reflect.Method;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the embedded servers' INFO chatter down to WARN without tying the testkit to a logging backend.
 * <p>
 * Only Logback (what Spring Boot uses) is handled, by reflection, and only loggers the user left without a
 * level are touched, so {@code logging.level.kafka=INFO} or a logback-test.xml still win.
 */
final class QuietLoggers {

    // Broker-side loggers only; the application's own producer and consumer logs are left alone.
    static final List<String> KAFKA_SERVER = List.of("kafka", "state.change.logger", "org.apache.kafka.server",
            "org.apache.kafka.raft", "org.apache.kafka.controller", "org.apache.kafka.metadata", "org.apache.kafka.image",
            "org.apache.kafka.storage", "org.apache.kafka.coordinator", "org.apache.kafka.queue",
            "org.apache.kafka.snapshot", "org.apache.kafka.network", "org.apache.kafka.security");

    // zonky relays every line initdb and postgres print at INFO; failures still surface as exceptions.
    static final List<String> POSTGRES = List.of("io.zonky.test.db.postgres.embedded");

    private QuietLoggers() {
    }

    static void warnUnlessConfigured(List<String> names) {
        for (String name : names) {
            Logger logger = LoggerFactory.getLogger(name);
            if (!logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
                return;
            }
            try {
                Method getLevel = logger.getClass().getMethod("getLevel");
                if (getLevel.invoke(logger) == null) {
                    Class<?> level = Class.forName("ch.qos.logback.classic.Level", false, logger.getClass().getClassLoader());
                    logger.getClass().getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
                }
            }
            catch (ReflectiveOperationException | LinkageError ex) {
                return;
            }
        }
    }
}
