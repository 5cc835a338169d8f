package dev.switchboard.quota.budget;

import dev.switchboard.serviceweb.ReadableBy;
import dev.switchboard.serviceweb.Role;
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

/** Admin API for budgets; finance reads them (as it reads spend), only admin changes them. */
@RestController
@RequestMapping("/api/v1/budgets")
@ReadableBy({Role.VIEWER, Role.FINANCE})
class BudgetController {

    private final BudgetAdministration administration;

    BudgetController(BudgetAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<Budget> list(@RequestParam(required = false) String scope) {
        return administration.list(scope);
    }

    @GetMapping("/{scope}/{kind}/{period}")
    Budget get(@PathVariable String scope, @PathVariable String kind, @PathVariable String period) {
        return administration.get(scope, kind, period);
    }

    @PutMapping("/{scope}/{kind}/{period}")
    Budget put(@PathVariable String scope, @PathVariable String kind, @PathVariable String period,
               @Valid @RequestBody BudgetRequest request) {
        return administration.put(scope, kind, period, request);
    }

    @DeleteMapping("/{scope}/{kind}/{period}")
    ResponseEntity<Void> delete(@PathVariable String scope, @PathVariable String kind, @PathVariable String period) {
        administration.delete(scope, kind, period);
        return ResponseEntity.noContent().build();
    }
}
