package dev.switchboard.contracts.quota;

/** Kafka topics quota-service publishes. */
public final class QuotaTopics {

    /** {@link BudgetAlert}s: a budget crossed its soft threshold. */
    public static final String BUDGET_ALERTS_V1 = "switchboard.budget-alerts.v1";

    private QuotaTopics() {
    }
}
