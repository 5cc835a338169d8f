package dev.switchboard.quota.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/teams}. The id is a slug because it appears in URLs, metrics and Redis keys. */
record CreateTeamRequest(
        @NotNull @Pattern(regexp = Teams.ID_PATTERN, message = "must be 1-63 lowercase letters, digits or '-', starting with a letter or digit")
        String id,
        @NotBlank @Size(max = 200) String name,
        String organisationId,
        /** Opt in to prompt logging; absent = off. */
        Boolean logPrompts) {
}
