package dev.switchboard.routing.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The single-row counter that changes whenever the registry does. */
@Repository
public class RegistryVersion {

    private final JdbcClient jdbc;

    RegistryVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.sql("select version from routing.registry_version").query(Long.class).single();
    }

    /**
     * Takes the lock {@link #bump()} takes, without changing the version: for an import, which bumps only at the
     * end and only if it changed something, yet must not interleave with other admin changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long lock() {
        return jdbc.sql("select version from routing.registry_version for update").query(Long.class).single();
    }

    /**
     * Increments the version inside the caller's transaction. Call it first: the row lock it takes
     * serialises all admin changes, so each one sees the previous one's result and the price history
     * is written in commit order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long bump() {
        return jdbc.sql("update routing.registry_version set version = version + 1 returning version")
                .query(Long.class).single();
    }
}
