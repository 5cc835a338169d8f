package dev.switchboard.usage.ledger;

import dev.switchboard.contracts.usage.UsageEvent;
import java.util.List;

/** A page of a team's requests, newest first; an object rather than a bare array so a cursor can join later. */
record UsageEventList(String teamId, int limit, List<UsageEvent> events) {
}
