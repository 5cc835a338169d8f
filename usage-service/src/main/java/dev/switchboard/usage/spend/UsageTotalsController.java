package dev.switchboard.usage.spend;

import dev.switchboard.contracts.usage.UsageTotals;
import dev.switchboard.serviceweb.ServiceException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What quota-service asks for when Redis has lost its budget counters: the ledger's totals of one scope over
 * {@code [from, to)} of occurrence time. Internal: service-web's filter requires the service token on
 * {@code /internal/**}.
 */
@RestController
class UsageTotalsController {

    private final UsageTotalsRepository totals;

    UsageTotalsController(UsageTotalsRepository totals) {
        this.totals = totals;
    }

    // Parameters are plain strings checked here, like LedgerController's, so each mistake gets its own message.
    @GetMapping("/internal/v1/usage/totals")
    UsageTotals totals(@RequestParam(required = false) String scope, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to) {
        UsageScope parsed = UsageScope.parse(scope).orElseThrow(() -> ServiceException.invalid(
                "query parameter 'scope' must be 'global', 'team:<id>' or 'key:<id>'"));
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start.isAfter(end)) {
            throw ServiceException.invalid("query parameter 'from' must not be after 'to'");
        }
        return totals.totals(parsed, start, end);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ServiceException.invalid("query parameter '" + name + "' is required");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ServiceException.invalid("query parameter '" + name + "' must be an ISO-8601 instant such as "
                    + "2025-06-01T00:00:00Z");
        }
    }
}
