package dev.switchboard.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerKeysTests {

    @Test
    void readsTheKeyOfABearerCredentialWhateverTheSchemesCase() {
        assertThat(BearerKeys.from("Bearer sb-abc")).isEqualTo("sb-abc");
        assertThat(BearerKeys.from("bearer  sb-abc ")).isEqualTo("sb-abc");
    }

    @Test
    void findsNoKeyInOtherOrEmptyCredentials() {
        assertThat(BearerKeys.from(null)).isNull();
        assertThat(BearerKeys.from("Basic dXNlcjpwYXNz")).isNull();
        assertThat(BearerKeys.from("Bearer ")).isNull();
        assertThat(BearerKeys.from("Bearer")).isNull();
    }
}
