package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ReadableBy;
import dev.switchboard.serviceweb.Role;
import dev.switchboard.serviceweb.ServiceException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Burn rate and end-of-period forecast of a scope's spend. */
@RestController
@ReadableBy({Role.VIEWER, Role.FINANCE})
@Tag(name = "spend")
class SpendBurnController {

    private final BurnRates burnRates;

    SpendBurnController(BurnRates burnRates) {
        this.burnRates = burnRates;
    }

    @GetMapping("/api/v1/spend/burn")
    @Operation(summary = "Spend so far in the current period, its pace per hour and day, and the forecast at the "
            + "period's end")
    BurnReport burn(
            @Parameter(description = "global, team:<id> or key:<id>") @RequestParam(required = false) String scope,
            @Parameter(description = "day, week (from Monday) or month") @RequestParam(required = false) String period,
            @Parameter(description = "IANA time zone the period is aligned in (default UTC)")
            @RequestParam(defaultValue = "UTC") String timeZone) {
        UsageScope parsed = UsageScope.parse(scope).orElseThrow(() -> ServiceException.invalid(
                "query parameter 'scope' must be 'global', 'team:<id>' or 'key:<id>'"));
        if (period == null || period.isBlank()) {
            throw ServiceException.invalid("query parameter 'period' is required: day, week or month");
        }
        return burnRates.burn(parsed, period, zone(timeZone));
    }

    private static ZoneId zone(String timeZone) {
        // region ids only (Europe/Berlin, UTC), as budgets take them: a fixed offset would ignore daylight saving
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw ServiceException.invalid("query parameter 'timeZone' must be an IANA time zone such as "
                    + "Europe/Berlin");
        }
        return ZoneId.of(timeZone);
    }
}
