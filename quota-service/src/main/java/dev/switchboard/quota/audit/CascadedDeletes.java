package dev.switchboard.quota.audit;

import dev.switchboard.quota.budget.Budget;
import dev.switchboard.quota.budget.Budgets;
import dev.switchboard.quota.limit.Limit;
import dev.switchboard.quota.limit.Limits;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits the limits and budgets that {@code on delete cascade} removes with a team (V4), which no admin call
 * deletes one by one. Each gets a delete entry in the shape and under the id the limit and budget APIs use, so the
 * log shows what stopped applying. Call it before the delete, in its transaction.
 */
@Component
public class CascadedDeletes {

    private final Limits limits;
    private final Budgets budgets;
    private final AuditLog auditLog;

    CascadedDeletes(Limits limits, Budgets budgets, AuditLog auditLog) {
        this.limits = limits;
        this.budgets = budgets;
        this.auditLog = auditLog;
    }

    /** The team's limits and budgets and those of its keys (which go with the team; no key is deleted alone). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordForTeam(String teamId) {
        for (Limit limit : limits.ofTeamAndItsKeys(teamId)) {
            String id = limit.model() == null ? limit.scope() : limit.scope() + "/" + limit.model();
            auditLog.record(EntityType.LIMIT, id, limit, null);
        }
        for (Budget budget : budgets.ofTeamAndItsKeys(teamId)) {
            auditLog.record(EntityType.BUDGET, budget.scope() + "/" + budget.kind() + "/" + budget.period(), budget,
                    null);
        }
    }
}
