package dev.switchboard.routing.alias;

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

/** Admin API for aliases; {@code {*name}} takes names with '/' as model names do. */
@RestController
@RequestMapping("/api/v1/aliases")
class AliasController {

    private final AliasAdministration administration;

    AliasController(AliasAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<Alias> list() {
        return administration.list();
    }

    @GetMapping("/{*name}")
    Alias get(@PathVariable String name) {
        return administration.get(AliasAdministration.nameFromPath(name));
    }

    @PutMapping("/{*name}")
    Alias put(@PathVariable String name, @Valid @RequestBody AliasRequest request) {
        return administration.put(AliasAdministration.nameFromPath(name), request);
    }

    @DeleteMapping("/{*name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        administration.delete(AliasAdministration.nameFromPath(name));
        return ResponseEntity.noContent().build();
    }
}
