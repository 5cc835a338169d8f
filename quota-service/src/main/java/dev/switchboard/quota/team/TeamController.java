package dev.switchboard.quota.team;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Admin API for teams. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    private final TeamAdministration administration;

    TeamController(TeamAdministration administration) {
        this.administration = administration;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Team create(@Valid @RequestBody CreateTeamRequest request) {
        return administration.create(request);
    }

    @GetMapping
    List<Team> list() {
        return administration.list();
    }

    @GetMapping("/{id}")
    Team get(@PathVariable String id) {
        return administration.get(id);
    }

    @PutMapping("/{id}")
    Team update(@PathVariable String id, @Valid @RequestBody UpdateTeamRequest request) {
        return administration.update(id, request);
    }

    /**
     * Partial update: {@code {"name"?, "organisationId"?, "logPrompts"?}}; an explicit null organisation removes it.
     */
    @PatchMapping("/{id}")
    Team patch(@PathVariable String id, @RequestBody JsonNode patch) {
        return administration.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        administration.delete(id);
        return ResponseEntity.noContent().build();
    }
}
