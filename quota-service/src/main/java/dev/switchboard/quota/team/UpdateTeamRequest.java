package dev.switchboard.quota.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/teams/{id}}: replaces name and organisation (absent organisation = none). */
record UpdateTeamRequest(@NotBlank @Size(max = 200) String name, String organisationId) {
}
