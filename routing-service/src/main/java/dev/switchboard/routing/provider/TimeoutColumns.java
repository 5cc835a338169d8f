package dev.switchboard.routing.provider;

import dev.switchboard.contracts.routing.ProviderTimeouts;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a provider row's timeout columns; a SQL null stays null ("the edge's default"). */
public final class TimeoutColumns {

    private TimeoutColumns() {
    }

    public static ProviderTimeouts read(ResultSet rs) throws SQLException {
        return new ProviderTimeouts(rs.getObject("connect_timeout_millis", Long.class),
                rs.getObject("first_token_timeout_millis", Long.class), rs.getObject("idle_timeout_millis", Long.class),
                rs.getObject("total_timeout_millis", Long.class));
    }
}
