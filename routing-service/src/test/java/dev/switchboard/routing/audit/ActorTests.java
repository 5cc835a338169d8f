package dev.switchboard.routing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.serviceweb.ServiceException;
import org.junit.jupiter.api.Test;

class ActorTests {

    @Test
    void defaultsToAdminWithoutHeader() {
        assertThat(Actor.fromHeader(null)).isEqualTo("admin");
    }

    @Test
    void acceptsPrintableNamesUpTo100Characters() {
        assertThat(Actor.fromHeader("alice@example.com")).isEqualTo("alice@example.com");
        assertThat(Actor.fromHeader("Alice Smith (ops)")).isEqualTo("Alice Smith (ops)");
        assertThat(Actor.fromHeader("x")).isEqualTo("x");
        assertThat(Actor.fromHeader("a".repeat(100))).hasSize(100);
    }

    @Test
    void rejectsEmptyLongPaddedOrUnprintableNames() {
        for (String name : new String[] {"", " ", " alice", "alice ", "a".repeat(101), "al\tice", "al\u0000ice",
                "j\u00f6rg", "line\nbreak"}) {
            assertThatThrownBy(() -> Actor.fromHeader(name)).as(name)
                    .isInstanceOf(ServiceException.class).hasMessageStartingWith("x-switchboard-actor: ");
        }
    }
}
