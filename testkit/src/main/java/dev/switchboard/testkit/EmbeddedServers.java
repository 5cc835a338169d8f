package dev.switchboard.testkit;

import dev.switchboard.testkit.server.EmbeddedPostgresServer;
import dev.switchboard.testkit.server.FreePorts;
import dev.switchboard.testkit.server.KafkaKraftBroker;
import dev.switchboard.testkit.server.PostgresDatabaseAdmin;
import dev.switchboard.testkit.server.RedisServerProcess;

/**
 * Starts the fixtures as local processes or in-JVM servers on free ports; each stops itself at JVM exit.
 */
final class EmbeddedServers {

    private EmbeddedServers() {
    }

    static PostgresFixture postgres() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(FreePorts.next(), null);
        return new JdbcPostgresFixture(new PostgresDatabaseAdmin(server.jdbcUrl(), server.username(), server.password()));
    }

    static RedisFixture redis() {
        RedisServerProcess server = RedisServerProcess.start(FreePorts.next());
        return new SocketRedisFixture(server.host(), server.port());
    }

    static KafkaFixture kafka() {
        KafkaKraftBroker broker = KafkaKraftBroker.start(FreePorts.next(), null);
        return new AdminKafkaFixture(broker.bootstrapServers());
    }
}
