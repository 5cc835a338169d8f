package dev.switchboard.routing.model;

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

/**
 * Admin API for public models. {@code {*name}} captures the rest of the path, so names with '/' work
 * unencoded: {@code PUT /api/v1/models/meta-llama/Llama-3.1-8B-Instruct}.
 */
@RestController
@RequestMapping("/api/v1/models")
class ModelController {

    private final ModelAdministration administration;

    ModelController(ModelAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<Model> list() {
        return administration.list();
    }

    @GetMapping("/{*name}")
    Model get(@PathVariable String name) {
        return administration.get(ModelNames.fromPath(name));
    }

    @PutMapping("/{*name}")
    Model put(@PathVariable String name, @Valid @RequestBody ModelRequest request) {
        return administration.put(ModelNames.fromPath(name), request);
    }

    @DeleteMapping("/{*name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        administration.delete(ModelNames.fromPath(name));
        return ResponseEntity.noContent().build();
    }
}
