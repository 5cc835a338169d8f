package dev.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.serviceweb.ServiceException;
import org.junit.jupiter.api.Test;

class ProviderAdministrationTests {

    @Test
    void dropsTrailingSlashesSoPathsAreNotDoubled() {
        assertThat(ProviderAdministration.withoutTrailingSlash("https://api.openai.com/v1/"))
                .isEqualTo("https://api.openai.com/v1");
        assertThat(ProviderAdministration.withoutTrailingSlash("https://api.anthropic.com//"))
                .isEqualTo("https://api.anthropic.com");
        assertThat(ProviderAdministration.withoutTrailingSlash("http://localhost:8000"))
                .isEqualTo("http://localhost:8000");
    }

    @Test
    void acceptsLowerCaseIdsUpTo63Characters() {
        assertThatNoException().isThrownBy(() -> ProviderAdministration.requireValidId("openai-main"));
        assertThatNoException().isThrownBy(() -> ProviderAdministration.requireValidId("0" + "a".repeat(62)));
    }

    @Test
    void rejectsOtherIds() {
        for (String id : new String[] {"", "-leading-dash", "Upper", "under_score", "a".repeat(64), "dot.ted"}) {
            assertThatThrownBy(() -> ProviderAdministration.requireValidId(id)).as(id)
                    .isInstanceOf(ServiceException.class).hasMessageStartingWith("id: ");
        }
    }
}
