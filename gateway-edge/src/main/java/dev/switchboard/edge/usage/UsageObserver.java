package dev.switchboard.edge.usage;

import dev.switchboard.contracts.usage.UsageEvent;

/**
 * Sees every usage event as the request ends, on the thread that ends it (often a Netty event loop): an
 * implementation must be quick and must never block. Metrics are recorded this way, from the same facts the ledger
 * bills, so the two cannot disagree.
 */
public interface UsageObserver {

    void observe(UsageEvent event);
}
