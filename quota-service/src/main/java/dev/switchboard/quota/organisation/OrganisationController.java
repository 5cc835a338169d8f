package dev.switchboard.quota.organisation;

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

/** Admin API for organisations: PUT creates or renames. */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationController {

    private final OrganisationAdministration administration;

    OrganisationController(OrganisationAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<Organisation> list() {
        return administration.list();
    }

    @GetMapping("/{id}")
    Organisation get(@PathVariable String id) {
        return administration.get(id);
    }

    @PutMapping("/{id}")
    Organisation put(@PathVariable String id, @Valid @RequestBody OrganisationRequest request) {
        return administration.put(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        administration.delete(id);
        return ResponseEntity.noContent().build();
    }
}
