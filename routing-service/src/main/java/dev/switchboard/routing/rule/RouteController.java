package dev.switchboard.routing.rule;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for route rules; the list comes in evaluation order. */
@RestController
@RequestMapping("/api/v1/routes")
class RouteController {

    private final RouteAdministration administration;

    RouteController(RouteAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<Route> list() {
        return administration.list();
    }

    @GetMapping("/{name}")
    Route get(@PathVariable String name) {
        return administration.get(name);
    }

    @PutMapping("/{name}")
    Route put(@PathVariable String name, @Valid @RequestBody RouteDefinition definition) {
        return administration.put(name, definition);
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        administration.delete(name);
        return ResponseEntity.noContent().build();
    }
}
