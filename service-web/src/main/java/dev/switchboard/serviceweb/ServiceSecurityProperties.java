package dev.switchboard.serviceweb;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Shared secrets of the suite. {@code serviceToken} guards {@code /internal/**} (edge to services). The admin
 * API ({@code /api/**}) takes a bearer token of a principal: {@code adminToken} is the principal {@code admin}
 * with role admin, and {@code principals} adds named ones with any role. Service and admin tokens are required:
 * a service never starts with open endpoints. {@link #toString()} hides every token.
 */
@Validated
@ConfigurationProperties("switchboard.security")
public record ServiceSecurityProperties(@NotBlank String serviceToken, @NotBlank String adminToken,
                                        @Valid List<PrincipalProperties> principals) {

    @ConstructorBinding
    public ServiceSecurityProperties {
        principals = principals == null ? List.of() : List.copyOf(principals);
    }

    /** Two-argument form for callers that need no named principals. */
    public ServiceSecurityProperties(String serviceToken, String adminToken) {
        this(serviceToken, adminToken, List.of());
    }

    @Override
    public String toString() {
        return "ServiceSecurityProperties[principals=" + principals + "]";
    }

    /**
     * One named caller of the admin API. The name is what the audit log records, so it is short and plain.
     *
     * @param token sent as {@code Authorization: Bearer <token>}; must differ from every other token
     */
    public record PrincipalProperties(
            @NotBlank @Pattern(regexp = PRINCIPAL_NAME,
                    message = "must be 1 to 32 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
            String name,
            @NotNull Role role,
            @NotBlank String token) {

        @Override
        public String toString() {
            return name + "(" + (role == null ? null : role.wireName()) + ")";
        }
    }

    static final String PRINCIPAL_NAME = "[A-Za-z0-9][A-Za-z0-9._@-]{0,31}";
}
