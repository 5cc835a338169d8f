package dev.switchboard.quota.limit;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for limits per scope ({@code global}, {@code team:<id>}, {@code key:<id>}) and optional model. Stored
 * only for now: the admission engine (the next step of issue 6) will enforce them.
 */
@RestController
@RequestMapping("/api/v1/limits")
class LimitController {

    private final LimitAdministration administration;

    LimitController(LimitAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<Limit> list(@RequestParam(required = false) String scope) {
        return administration.list(scope);
    }

    @GetMapping("/{scope}")
    Limit get(@PathVariable String scope, @RequestParam(required = false) String model) {
        return administration.get(scope, model);
    }

    @PutMapping("/{scope}")
    Limit put(@PathVariable String scope, @RequestParam(required = false) String model,
              @Valid @RequestBody LimitRequest request) {
        return administration.put(scope, model, request);
    }

    @DeleteMapping("/{scope}")
    ResponseEntity<Void> delete(@PathVariable String scope, @RequestParam(required = false) String model) {
        administration.delete(scope, model);
        return ResponseEntity.noContent().build();
    }
}
