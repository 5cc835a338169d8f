package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ReadableBy;
import dev.switchboard.serviceweb.Role;
import dev.switchboard.serviceweb.ServiceException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The raw records behind the spend figures, a page at a time or one request. */
@RestController
@ReadableBy({Role.VIEWER, Role.FINANCE})
@Tag(name = "spend")
class SpendRecordsController {

    static final int MAX_LIMIT = 500;

    private final SpendRecords records;

    SpendRecordsController(SpendRecords records) {
        this.records = records;
    }

    @GetMapping("/api/v1/spend/records")
    @Operation(summary = "One team's records, newest first; follow nextCursor for older pages")
    SpendRecordPage page(
            @Parameter(description = "the team (required)") @RequestParam(required = false) String team,
            @Parameter(description = "ISO-8601 instant, inclusive (optional)")
            @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant, exclusive (optional)")
            @RequestParam(required = false) String to,
            @Parameter(description = "1 to 500, default 50") @RequestParam(required = false) String limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        String teamId = SpendParameters.requiredId("team", team);
        Instant start = SpendParameters.optionalInstant("from", from);
        Instant end = SpendParameters.optionalInstant("to", to);
        SpendParameters.requireOrdered(start, end);
        int size = SpendParameters.limit(limit, 50, MAX_LIMIT);
        RecordCursor after = cursor == null || cursor.isEmpty() ? null : RecordCursor.decode(cursor);
        return records.page(teamId, start, end, after, size);
    }

    @GetMapping("/api/v1/spend/records/{requestId}")
    @Operation(summary = "The record of one request")
    SpendRecord record(@PathVariable String requestId) {
        return records.find(requestId)
                .orElseThrow(() -> ServiceException.notFound("no usage recorded for request '" + requestId + "'"));
    }
}
