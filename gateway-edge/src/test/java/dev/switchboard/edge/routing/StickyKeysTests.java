package dev.switchboard.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.RouteSplit;
import java.util.List;
import org.junit.jupiter.api.Test;

class StickyKeysTests {

    private static final RouteSplit BY_USER = new RouteSplit("user", List.of());
    private static final RouteSplit BY_REQUEST = new RouteSplit("request", List.of());

    @Test
    void sticksByTheUserFieldElseTheApiKey() {
        assertThat(StickyKeys.choose(BY_USER, "alice", "key-1", "s-9", "req-1")).isEqualTo("alice");
        assertThat(StickyKeys.choose(BY_USER, null, "key-1", "s-9", "req-1")).isEqualTo("key-1");
        assertThat(StickyKeys.choose(BY_USER, "", "key-1", null, "req-1")).isEqualTo("key-1");
    }

    @Test
    void sticksByTheStickyHeaderElseTheRequestId() {
        assertThat(StickyKeys.choose(BY_REQUEST, "alice", "key-1", "s-9", "req-1")).isEqualTo("s-9");
        assertThat(StickyKeys.choose(BY_REQUEST, "alice", "key-1", null, "req-1")).isEqualTo("req-1");
    }

    @Test
    void needsNoKeyWithoutASplit() {
        assertThat(StickyKeys.choose(null, "alice", "key-1", "s-9", "req-1")).isNull();
    }
}
