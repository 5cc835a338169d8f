package dev.switchboard.quota.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/organisations/{id}}. */
record OrganisationRequest(@NotBlank @Size(max = 200) String name) {
}
