package dev.switchboard.quota.budget;

import dev.switchboard.quota.audit.AuditLog;
import dev.switchboard.quota.audit.EntityType;
import dev.switchboard.quota.policy.ScopePolicyChanged;
import dev.switchboard.quota.scope.Scope;
import dev.switchboard.quota.scope.ScopeCheck;
import dev.switchboard.serviceweb.ServiceException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin changes to budgets, each audited in its own transaction under the id {@code <scope>/<kind>/<period>}. */
@Service
class BudgetAdministration {

    static final String TOKENS = "tokens";
    static final String MONEY = "money";
    private static final Set<String> KINDS = Set.of(TOKENS, MONEY);
    private static final Set<String> PERIODS = Set.of("day", "week", "month");

    private final Budgets budgets;
    private final ScopeCheck scopes;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    BudgetAdministration(Budgets budgets, ScopeCheck scopes, AuditLog auditLog,
                         ApplicationEventPublisher events) {
        this.events = events;
        this.budgets = budgets;
        this.scopes = scopes;
        this.auditLog = auditLog;
    }

    @Transactional
    Budget put(String scopeName, String kind, String period, BudgetRequest request) {
        requireKindAndPeriod(kind, period);
        Scope scope = scopes.existing(scopeName);
        BudgetAmounts.check(kind, request);
        String currency = MONEY.equals(kind) ? (request.currency() == null ? "USD" : request.currency()) : null;
        Budget before = budgets.find(scope, kind, period).orElse(null);
        Budget after = budgets.upsert(scope, kind, period, timeZone(request.timeZone()), request.hardLimit(),
                request.softThreshold(), currency);
        auditLog.record(EntityType.BUDGET, auditId(scope, kind, period), before, after);
        events.publishEvent(new ScopePolicyChanged(scope));
        return after;
    }

    @Transactional
    void delete(String scopeName, String kind, String period) {
        Budget before = get(scopeName, kind, period);
        // an unknown scope answers like an unknown key or team, never echoing what was sent
        Scope scope = scopes.existing(scopeName);
        budgets.delete(scope, kind, period);
        auditLog.record(EntityType.BUDGET, auditId(scope, kind, period), before, null);
        events.publishEvent(new ScopePolicyChanged(scope));
    }

    @Transactional(readOnly = true)
    Budget get(String scopeName, String kind, String period) {
        requireKindAndPeriod(kind, period);
        // an unknown scope answers like an unknown key or team, never echoing what was sent
        Scope scope = scopes.existing(scopeName);
        return budgets.find(scope, kind, period).orElseThrow(() -> ServiceException.notFound(
                "no " + kind + " budget per " + period + " for " + scope));
    }

    @Transactional(readOnly = true)
    List<Budget> list(String scopeName) {
        return budgets.list(scopeName == null ? null : Scope.parse(scopeName, "scope"));
    }

    private static void requireKindAndPeriod(String kind, String period) {
        if (!KINDS.contains(kind)) {
            throw ServiceException.invalid("kind: must be tokens or money");
        }
        if (!PERIODS.contains(period)) {
            throw ServiceException.invalid("period: must be day, week or month");
        }
    }

    /** Region ids only (Europe/Berlin, UTC): a fixed offset would silently ignore daylight saving. */
    private static String timeZone(String requested) {
        if (requested == null) {
            return "UTC";
        }
        if (!ZoneId.getAvailableZoneIds().contains(requested)) {
            throw ServiceException.invalid("timeZone: must be an IANA time zone such as Europe/Berlin or UTC");
        }
        return requested;
    }

    private static String auditId(Scope scope, String kind, String period) {
        return scope.wireName() + "/" + kind + "/" + period;
    }

    /** The checks that depend on the kind, collected so the caller hears of every mistake at once. */
    private static final class BudgetAmounts {

        static void check(String kind, BudgetRequest request) {
            StringBuilder errors = new StringBuilder();
            if (TOKENS.equals(kind)) {
                if (!whole(request.hardLimit()) || !whole(request.softThreshold())) {
                    append(errors, "hardLimit: a token budget takes whole numbers");
                }
                if (request.currency() != null) {
                    append(errors, "currency: only a money budget has a currency");
                }
            } else if (request.currency() != null && !isoCurrency(request.currency())) {
                append(errors, "currency: must be an ISO 4217 code such as USD or EUR");
            }
            if (request.softThreshold() != null && request.softThreshold().compareTo(request.hardLimit()) >= 0) {
                append(errors, "softThreshold: must be below hardLimit");
            }
            if (!errors.isEmpty()) {
                throw ServiceException.invalid(errors.toString());
            }
        }

        private static boolean whole(BigDecimal value) {
            return value == null || value.stripTrailingZeros().scale() <= 0;
        }

        private static boolean isoCurrency(String code) {
            if (!code.matches("[A-Z]{3}")) {
                return false;
            }
            try {
                Currency.getInstance(code);
                return true;
            } catch (IllegalArgumentException notIso4217) {
                return false;
            }
        }

        private static void append(StringBuilder errors, String error) {
            errors.append(errors.isEmpty() ? "" : "; ").append(error);
        }
    }
}
