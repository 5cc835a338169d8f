package dev.switchboard.quota.policy;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.switchboard.quota.budget.Budgets;
import dev.switchboard.quota.limit.Limits;
import dev.switchboard.quota.scope.Scope;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Limits and budgets per scope, held in memory for {@code switchboard.quota.admission.policy-cache-ttl} (1 s), so
 * admission reads Postgres at most once a second per scope. A change made on another instance is seen at most
 * that late, well within the 5 s every edge must honour it in; one made here is seen at once.
 */
@Component
public class ScopePolicies {

    private final LoadingCache<Scope, ScopePolicy> cache;

    ScopePolicies(Limits limits, Budgets budgets,
                  @Value("${switchboard.quota.admission.policy-cache-ttl:1s}") Duration ttl) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(200_000)
                .build(scope -> new ScopePolicy(scope.wireName(), limits.list(scope), budgets.list(scope)));
    }

    /** The global scope, then the team's, then the key's: the order in which their counters are checked. */
    public List<ScopePolicy> covering(String teamId, String keyId) {
        return List.of(cache.get(Scope.GLOBAL), cache.get(new Scope(teamId, null)), cache.get(new Scope(null, keyId)));
    }

    public boolean metered(String teamId, String keyId) {
        return covering(teamId, keyId).stream().anyMatch(ScopePolicy::metered);
    }

    /** After commit: evicting earlier would let a concurrent admission reload and cache the old rows. */
    @TransactionalEventListener(fallbackExecution = true)
    void onChanged(ScopePolicyChanged event) {
        cache.invalidate(event.scope());
    }
}
