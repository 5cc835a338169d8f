package dev.switchboard.quota.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/teams/{id}}: replaces name and organisation (absent organisation = none). An absent
 * {@code logPrompts} keeps the team's setting, so a client that does not know the field cannot switch it by accident.
 */
record UpdateTeamRequest(@NotBlank @Size(max = 200) String name, String organisationId, Boolean logPrompts) {
}
