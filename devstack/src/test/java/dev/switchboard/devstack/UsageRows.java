package dev.switchboard.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Reads the usage ledger of a running suite, waiting for rows that travel through Kafka asynchronously. */
public final class UsageRows {

    private UsageRows() {
    }

    /** The request's row of {@code usage.usage_records}, polled for up to 30 s. */
    public static Map<String, Object> await(LocalSuite suite, String requestId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.databaseUser(),
                suite.databasePassword())) {
            while (System.nanoTime() < deadline) {
                Map<String, Object> row = read(db, requestId);
                if (row != null) {
                    return row;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no usage row for " + requestId + " within 30 s");
    }

    private static Map<String, Object> read(Connection db, String requestId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select * from usage.usage_records where request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                Map<String, Object> row = new HashMap<>();
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    row.put(rows.getMetaData().getColumnName(column), rows.getObject(column));
                }
                return row;
            }
        }
    }
}
