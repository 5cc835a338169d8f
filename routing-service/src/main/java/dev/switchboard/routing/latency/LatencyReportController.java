package dev.switchboard.routing.latency;

import dev.switchboard.contracts.routing.LatencyReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal API where each edge reports what it measured (guarded by the service token). */
@RestController
class LatencyReportController {

    private final LatencyStatistics statistics;

    LatencyReportController(LatencyStatistics statistics) {
        this.statistics = statistics;
    }

    @PostMapping("/internal/v1/latency-reports")
    ResponseEntity<Void> report(@RequestBody LatencyReport report) {
        LatencyReportCheck.check(report);
        statistics.record(report);
        return ResponseEntity.noContent().build();
    }
}
