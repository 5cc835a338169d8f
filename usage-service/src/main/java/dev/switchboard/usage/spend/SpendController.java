package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ReadableBy;
import dev.switchboard.serviceweb.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spend totals, time series and top spenders: read by finance, viewers and admins; nothing here changes anything. */
@RestController
@RequestMapping("/api/v1/spend")
@ReadableBy({Role.VIEWER, Role.FINANCE})
@Tag(name = "spend", description = "What teams, keys, models, providers and tags spent, from the cost ledger")
class SpendController {

    static final int MAX_TOP = 100;

    private final SpendAggregates aggregates;

    SpendController(SpendAggregates aggregates) {
        this.aggregates = aggregates;
    }

    @GetMapping
    @Operation(summary = "Spend per group over [from, to), with a UTC time series when an interval is given")
    SpendReport spend(
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "team, key, model, provider or tag:<tag key>")
            @RequestParam(required = false) String groupBy,
            @Parameter(description = "hour, day, week (from Monday) or month; none for totals only")
            @RequestParam(required = false) String interval,
            @Parameter(description = "only this team's requests") @RequestParam(required = false) String team) {
        SpendQuery query = SpendParameters.query(from, to, groupBy, interval, team);
        return new SpendReport(query.from(), query.to(), query.groupBy().wireName(),
                query.interval() == null ? null : query.interval().sqlField(), query.team(),
                SpendAggregates.source(query), SpendSums.groups(aggregates.rows(query)));
    }

    @GetMapping("/top")
    @Operation(summary = "The teams, keys or models that spent most in one currency over [from, to)")
    TopSpenders top(
            @Parameter(description = "team, key or model") @RequestParam(required = false) String by,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "ISO 4217; spend in other currencies is not ranked (default USD)")
            @RequestParam(defaultValue = "USD") String currency,
            @Parameter(description = "1 to 100, default 10") @RequestParam(required = false) String limit) {
        SpendGrouping grouping = SpendGrouping.parse(by, "by", false);
        SpendQuery query = SpendParameters.query(from, to, grouping.wireName(), null, null);
        int size = SpendParameters.limit(limit, 10, MAX_TOP);
        return TopSpenders.rank(grouping.wireName(), query.from(), query.to(), currency,
                SpendSums.groups(aggregates.rows(query)), size);
    }
}
