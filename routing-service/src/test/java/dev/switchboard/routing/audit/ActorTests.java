package dev.switchboard.routing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.serviceweb.ServiceException;
import org.junit.jupiter.api.Test;

class ActorTests {

    @Test
    void isThePrincipalWithoutHeader() {
        assertThat(Actor.of("admin", null)).isEqualTo("admin");
        assertThat(Actor.of("ops", null)).isEqualTo("ops");
    }

    @Test
    void namesTheUserAndThePrincipalItCameThrough() {
        assertThat(Actor.of("admin-ui", "alice@example.com")).isEqualTo("alice@example.com via admin-ui");
        assertThat(Actor.of("admin", "Alice Smith (ops)")).isEqualTo("Alice Smith (ops) via admin");
        assertThat(Actor.of("admin", "x")).isEqualTo("x via admin");
        assertThat(Actor.of("admin", "a".repeat(90))).hasSize(100);
    }

    @Test
    void rejectsEmptyPaddedUnprintableOrTooLongNames() {
        for (String name : new String[] {"", " ", " alice", "alice ", "a".repeat(91), "al\tice", "al\u0000ice",
                "j\u00f6rg", "line\nbreak"}) {
            assertThatThrownBy(() -> Actor.of("admin", name)).as(name)
                    .isInstanceOf(ServiceException.class).hasMessageStartingWith("x-switchboard-actor: ")
                    .hasMessageContaining("at most 90 long for principal 'admin'");
        }
    }

    @Test
    void namesWorkOutsideRequestsAndRestoresTheDefault() {
        assertThat(Actor.callAs("seed-file", Actor::current)).isEqualTo("seed-file");
        assertThat(Actor.current()).isEqualTo("admin");
    }
}
