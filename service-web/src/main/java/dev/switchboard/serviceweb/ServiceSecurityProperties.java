package dev.switchboard.serviceweb;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Shared secrets of the suite. {@code serviceToken} guards {@code /internal/**} (edge to services);
 * {@code adminToken} guards {@code /api/**} until per-user roles arrive. Both are required: a service
 * never starts with open internal endpoints.
 */
@Validated
@ConfigurationProperties("switchboard.security")
public record ServiceSecurityProperties(@NotBlank String serviceToken, @NotBlank String adminToken) {
}
