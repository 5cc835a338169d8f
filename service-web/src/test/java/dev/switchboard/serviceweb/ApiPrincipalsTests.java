package dev.switchboard.serviceweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.serviceweb.ServiceSecurityProperties.PrincipalProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiPrincipalsTests {

    private static ServiceSecurityProperties properties(PrincipalProperties... principals) {
        return new ServiceSecurityProperties("svc-token", "adm-token", List.of(principals));
    }

    @Test
    void theAdminTokenIsThePrincipalAdminWithRoleAdmin() {
        ApiPrincipals principals = new ApiPrincipals(properties());

        assertThat(principals.authenticate("Bearer adm-token")).contains(new ApiPrincipal("admin", Role.ADMIN));
        assertThat(principals.authenticate("adm-token")).isEmpty();
        assertThat(principals.authenticate("Bearer svc-token")).isEmpty();
        assertThat(principals.authenticate(null)).isEmpty();
    }

    @Test
    void findsNamedPrincipalsByToken() {
        ApiPrincipals principals = new ApiPrincipals(properties(new PrincipalProperties("vera", Role.VIEWER, "v-1"),
                new PrincipalProperties("fin", Role.FINANCE, "f-1")));

        assertThat(principals.authenticate("Bearer v-1")).contains(new ApiPrincipal("vera", Role.VIEWER));
        assertThat(principals.authenticate("Bearer f-1")).contains(new ApiPrincipal("fin", Role.FINANCE));
        assertThat(principals.authenticate("Bearer f-12")).isEmpty();
    }

    @Test
    void refusesSharedTokensAndNames() {
        assertThatThrownBy(() -> new ApiPrincipals(properties(new PrincipalProperties("vera", Role.VIEWER, "adm-token"))))
                .hasMessageContaining("token of 'vera'").hasMessageNotContaining("adm-token");
        assertThatThrownBy(() -> new ApiPrincipals(properties(new PrincipalProperties("vera", Role.VIEWER, "svc-token"))))
                .hasMessageContaining("token of 'vera'");
        assertThatThrownBy(() -> new ApiPrincipals(properties(new PrincipalProperties("a", Role.VIEWER, "t1"),
                new PrincipalProperties("a", Role.FINANCE, "t2")))).hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() -> new ApiPrincipals(properties(new PrincipalProperties("admin", Role.VIEWER, "t1"))))
                .hasMessageContaining("'admin' is used twice");
        assertThatThrownBy(() -> new ApiPrincipals(new ServiceSecurityProperties("same", "same")))
                .hasMessageContaining("must differ");
    }

    @Test
    void refusesToConfigureThePrincipalOfAGatewayKey() {
        assertThatThrownBy(() -> new ApiPrincipals(properties(new PrincipalProperties("k", Role.KEY, "t1"))))
                .hasMessageContaining("'k' has role key");
    }

    @Test
    void neverShowsTokensInToString() {
        ServiceSecurityProperties properties = properties(new PrincipalProperties("vera", Role.VIEWER, "v-secret"));

        assertThat(properties.toString()).contains("vera(viewer)").doesNotContain("v-secret")
                .doesNotContain("adm-token").doesNotContain("svc-token");
    }
}
