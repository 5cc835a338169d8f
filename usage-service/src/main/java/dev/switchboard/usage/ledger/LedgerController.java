package dev.switchboard.usage.ledger;

import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.serviceweb.ServiceException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin read API over the ledger; the admin token is enforced by service-web's filter on {@code /api/**}. */
@RestController
@RequestMapping("/api/v1/usage/requests")
class LedgerController {

    static final int MAX_LIMIT = 500;

    private final UsageLedger ledger;

    LedgerController(UsageLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/{requestId}")
    UsageEvent request(@PathVariable String requestId) {
        return ledger.find(requestId)
                .orElseThrow(() -> ServiceException.notFound("no usage recorded for request '" + requestId + "'"));
    }

    // Parameters are checked here rather than with required=true / @Min: the messages are clearer and a
    // missing parameter would otherwise reach the generic handler as a 500.
    @GetMapping
    UsageEventList recent(@RequestParam(required = false) String teamId,
                          @RequestParam(defaultValue = "50") int limit) {
        if (teamId == null || teamId.isBlank()) {
            throw ServiceException.invalid("query parameter 'teamId' is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ServiceException.invalid("query parameter 'limit' must be between 1 and " + MAX_LIMIT);
        }
        return new UsageEventList(teamId, limit, ledger.recent(teamId, limit));
    }
}
