package dev.switchboard.routing.provider;

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

/** Admin API for provider deployments. */
@RestController
@RequestMapping("/api/v1/providers")
class ProviderController {

    private final ProviderAdministration administration;

    ProviderController(ProviderAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<Provider> list() {
        return administration.list();
    }

    @GetMapping("/{id}")
    Provider get(@PathVariable String id) {
        return administration.get(id);
    }

    @PutMapping("/{id}")
    Provider put(@PathVariable String id, @Valid @RequestBody ProviderRequest request) {
        return administration.put(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        administration.delete(id);
        return ResponseEntity.noContent().build();
    }
}
