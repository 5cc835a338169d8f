package dev.switchboard.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads the usage ledger of a running suite, waiting for rows that travel through Kafka asynchronously. */
public final class UsageRows {

    private UsageRows() {
    }

    /** The request's row of {@code usage.usage_records}, polled for up to 30 s. */
    public static Map<String, Object> await(LocalSuite suite, String requestId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection db = DriverManager.getConnection(suite.ledgerJdbcUrl(), suite.ledgerDatabaseUser(),
                suite.ledgerDatabasePassword())) {
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

    /**
     * How many rows {@code usage.usage_records} holds for each of {@code requestIds} (0 for none), polled until every
     * one has at least one row or {@code within} has passed; a test then asserts each count is exactly 1.
     */
    public static Map<String, Integer> awaitCounts(LocalSuite suite, Collection<String> requestIds, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, Integer> counts = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                counts = counts(suite, requestIds);
                if (counts.values().stream().allMatch(count -> count > 0)) {
                    return counts;
                }
            } catch (SQLException ledgerDatabaseDown) {
                // a test may be waiting for it to come back
            }
            Thread.sleep(250);
        }
        return counts;
    }

    private static Map<String, Integer> counts(LocalSuite suite, Collection<String> requestIds) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        requestIds.forEach(requestId -> counts.put(requestId, 0));
        try (Connection db = DriverManager.getConnection(suite.ledgerJdbcUrl(), suite.ledgerDatabaseUser(),
                suite.ledgerDatabasePassword());
             PreparedStatement query = db.prepareStatement("select request_id, count(*) from usage.usage_records"
                     + " where request_id = any (?) group by request_id")) {
            query.setArray(1, db.createArrayOf("text", requestIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
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
