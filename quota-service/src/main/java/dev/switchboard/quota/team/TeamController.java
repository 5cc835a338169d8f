package dev.switchboard.quota.team;

import dev.switchboard.serviceweb.ServiceException;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for teams. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    private final Teams teams;

    TeamController(Teams teams) {
        this.teams = teams;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Team create(@Valid @RequestBody CreateTeamRequest request) {
        return teams.create(request.id(), request.name().strip())
                .orElseThrow(() -> ServiceException.conflict("team '" + request.id() + "' already exists"));
    }

    @GetMapping
    List<Team> list() {
        return teams.findAll();
    }

    @GetMapping("/{id}")
    Team get(@PathVariable String id) {
        return teams.findById(id).orElseThrow(() -> ServiceException.notFound("no team '" + id + "'"));
    }
}
