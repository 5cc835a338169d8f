package dev.switchboard.devstack;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A team of its own for one quota test, created through quota-service's admin API: its keys, limits and budgets,
 * the budget status quota-service reports, and what the usage ledger billed the team. A fresh team per test keeps
 * budgets, counters and ledger sums of one test out of every other's.
 */
final class TestTeam {

    /** A key as created: its id (for limits and scopes) and its plaintext, shown once. */
    record Key(String id, String secret) {

        String scope() {
            return "key:" + id;
        }
    }

    /**
     * {@code GET /api/v1/budgets/{scope}/{kind}/{period}/status}: settled usage this period and the reservations of
     * requests still in flight, as exact decimals.
     */
    record BudgetStatus(BigDecimal hardLimit, BigDecimal softThreshold, BigDecimal used, BigDecimal reserved,
                        JsonNode body) {

        static BudgetStatus of(JsonNode body) {
            return new BudgetStatus(decimal(body.path("hardLimit")), decimal(body.path("softThreshold")),
                    decimal(body.path("used")), decimal(body.path("reserved")), body);
        }

        boolean settled() {
            return reserved != null && reserved.signum() == 0;
        }
    }

    /** The ledger's view of the team: rows, rows the client got a 200 for, and the sum of their cost. */
    record Ledger(long rows, long served, BigDecimal cost) {
    }

    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(30);

    private final LocalSuite suite;
    private final AdminApi quota;
    private final String id;

    /** Creates the team; {@code purpose} starts its id, e.g. {@code budget-race}, so logs say which test it is. */
    TestTeam(LocalSuite suite, String purpose) {
        this.suite = suite;
        this.quota = suite.quotaAdmin();
        this.id = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        quota.expect("POST", "/api/v1/teams", Map.of("id", id, "name", "e2e " + purpose), 201);
    }

    String id() {
        return id;
    }

    String scope() {
        return "team:" + id;
    }

    Key key(String name) {
        JsonNode created = quota.expect("POST", "/api/v1/teams/" + id + "/keys", Map.of("name", name), 201).body();
        return new Key(created.path("id").asString(), created.path("key").asString());
    }

    /** Replaces {@code scope}'s limits (all models) with a requests-per-minute limit only. */
    void requestsPerMinute(String scope, int limit) {
        quota.expect("PUT", "/api/v1/limits/" + scope, Map.of("requestsPerMinute", limit), 200, 201);
    }

    /** A USD money budget of this team in UTC; {@code softThreshold} may be null. */
    void moneyBudget(String period, BigDecimal hardLimit, BigDecimal softThreshold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hardLimit", hardLimit);
        if (softThreshold != null) {
            body.put("softThreshold", softThreshold);
        }
        body.put("currency", "USD");
        body.put("timeZone", "UTC");
        quota.expect("PUT", "/api/v1/budgets/" + scope() + "/money/" + period, body, 200, 201);
    }

    BudgetStatus moneyStatus(String period) {
        return BudgetStatus.of(quota.expect("GET", "/api/v1/budgets/" + scope() + "/money/" + period + "/status",
                null, 200).body());
    }

    /**
     * Polls the status until nothing is reserved, the ledger holds at least {@code servedRows} rows with status 200
     * for the team, and the budget's {@code used} equals the ledger's sum; answers that status. Settlement travels
     * through Kafka, so it comes a little after the responses.
     */
    BudgetStatus awaitSettled(String period, long servedRows) throws Exception {
        long deadline = System.nanoTime() + SETTLES_WITHIN.toNanos();
        BudgetStatus status = moneyStatus(period);
        // reserved reaches 0 also when leases expire before their events are settled, so settled also means the
        // counter has caught up with the ledger; a counter that never does fails here, naming both
        while (!(status.settled() && ledger().served() >= servedRows
                && status.used().compareTo(ledger().cost()) == 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not settled within " + SETTLES_WITHIN + ": " + status.body() + ", ledger "
                        + ledger() + ", expected " + servedRows + " served rows");
            }
            Thread.sleep(200);
            status = moneyStatus(period);
        }
        return status;
    }

    /** What {@code usage.usage_records} holds for the team, read straight from the database. */
    Ledger ledger() throws Exception {
        try (Connection db = DriverManager.getConnection(suite.ledgerJdbcUrl(), suite.ledgerDatabaseUser(),
                suite.ledgerDatabasePassword());
             PreparedStatement query = db.prepareStatement("select count(*), count(*) filter (where status = 200),"
                     + " coalesce(sum(cost), 0) from usage.usage_records where team_id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Ledger(row.getLong(1), row.getLong(2), row.getBigDecimal(3));
            }
        }
    }

    /** {@link #ledger()}, or null while the ledger's database cannot be reached. */
    Ledger ledgerIfReachable() {
        try {
            return ledger();
        } catch (Exception unreachable) {
            return null;
        }
    }

    /** An exact decimal whether the JSON carries it as a number or as a string; null when absent. */
    private static BigDecimal decimal(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isString() ? new BigDecimal(node.asString()) : node.decimalValue();
    }
}
