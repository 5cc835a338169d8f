package dev.switchboard.routing.alias;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code PUT /api/v1/aliases/{name}}: the public name of the model the alias points at. */
record AliasRequest(@NotBlank String model) {
}
