package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ReadableBy;
import dev.switchboard.serviceweb.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV downloads of spend: every raw record of a range, or the grouped sums with {@code groupBy}. Records are written
 * to the response as the database hands them over, so an export of millions of rows needs no more memory than one.
 */
@RestController
@ReadableBy({Role.VIEWER, Role.FINANCE})
@Tag(name = "spend")
class SpendExportController {

    static final String TEXT_CSV = "text/csv";

    private static final Comparator<SpendRow> ROW_ORDER = Comparator
            .comparing(SpendRow::bucket, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SpendRow::group).thenComparing(SpendRow::currency);

    private static final Logger log = LoggerFactory.getLogger(SpendExportController.class);

    private final SpendRecords records;
    private final SpendAggregates aggregates;
    private final JsonMapper json;

    SpendExportController(SpendRecords records, SpendAggregates aggregates, JsonMapper json) {
        this.records = records;
        this.aggregates = aggregates;
        this.json = json;
    }

    @GetMapping(value = "/api/v1/spend/export.csv")
    @Operation(summary = "Raw records, or grouped sums with groupBy, over [from, to) as an RFC 4180 CSV download",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = TEXT_CSV,
                    schema = @Schema(type = "string"))))
    void export(@Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
                @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
                @Parameter(description = "only this team's requests") @RequestParam(required = false) String team,
                @Parameter(description = "team, key, model, provider or tag:<tag key>: sums, not records")
                @RequestParam(required = false) String groupBy,
                @Parameter(description = "with groupBy: hour, day, week or month")
                @RequestParam(required = false) String interval,
                HttpServletResponse response) throws IOException {
        // every parameter is checked before the first byte, so a mistake is still a clean 400
        if (groupBy == null) {
            Instant start = SpendParameters.instant("from", from);
            Instant end = SpendParameters.instant("to", to);
            SpendParameters.requireOrdered(start, end);
            exportRecords(SpendParameters.optionalId("team", team), start, end, response);
        } else {
            exportGroups(SpendParameters.query(from, to, groupBy, interval, team), response);
        }
    }

    private void exportRecords(String team, Instant from, Instant to, HttpServletResponse response)
            throws IOException {
        CsvWriter csv = new CsvWriter(start(response, "spend-records", from, to));
        csv.row("request_id", "occurred_at", "team_id", "key_id", "user_id", "requested_model", "provider_id",
                "served_model", "model_version", "status", "error_type", "cache_outcome", "stream", "input_tokens",
                "cached_input_tokens", "output_tokens", "reasoning_tokens", "tokens_estimated", "cost", "saved_cost",
                "currency", "price_version", "latency_ms", "ttft_ms", "tags");
        try {
            records.forEach(team, from, to, r -> csv.row(r.requestId(), r.occurredAt(), r.teamId(), r.keyId(),
                    r.userId(), r.requestedModel(), r.providerId(), r.servedModel(), r.modelVersion(), r.status(),
                    r.errorType(), r.cacheOutcome(), r.stream(), r.inputTokens(), r.cachedInputTokens(),
                    r.outputTokens(), r.reasoningTokens(), r.tokensEstimated(), r.cost(), r.savedCost(),
                    r.currency(), r.priceVersion(), r.latencyMs(), r.ttftMs(), json.writeValueAsString(r.tags())));
            response.getWriter().flush();
        } catch (UncheckedIOException e) {
            // the client went away mid-download: the query stopped with it, and there is no one left to answer
            log.debug("Spend export ended early: {}", e.getMessage());
        }
    }

    /** One row per bucket, group and currency, counting that currency's requests, so summed columns stay right. */
    private void exportGroups(SpendQuery query, HttpServletResponse response) throws IOException {
        List<SpendRow> rows = aggregates.rows(query).stream().sorted(ROW_ORDER).toList();
        String name = "spend-by-" + query.groupBy().dimension().name().toLowerCase(Locale.ROOT);
        CsvWriter csv = new CsvWriter(start(response, name, query.from(), query.to()));
        csv.row("bucket_start", "group", "currency", "requests", "errors", "input_tokens", "cached_input_tokens",
                "output_tokens", "reasoning_tokens", "cost", "saved_cost");
        for (SpendRow row : rows) {
            csv.row(row.bucket(), row.group(), row.currency(), row.requests(), row.errors(), row.inputTokens(),
                    row.cachedInputTokens(), row.outputTokens(), row.reasoningTokens(), SpendSums.plain(row.cost()),
                    SpendSums.plain(row.savedCost()));
        }
        response.getWriter().flush();
    }

    private static Writer start(HttpServletResponse response, String name, Instant from, Instant to)
            throws IOException {
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String file = name + "_" + from.toString().replace(':', '-') + "_" + to.toString().replace(':', '-') + ".csv";
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        return response.getWriter();
    }
}
