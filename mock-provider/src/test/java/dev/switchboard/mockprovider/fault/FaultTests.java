package dev.switchboard.mockprovider.fault;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultTests {

    @Test
    void parsesEveryKeyOfTheHeaderSyntax() {
        Fault fault = Fault.parse("status=429; retry-after=3;latency-ms=10;first-token-delay-ms=20;chunk-delay-ms=30;"
                + "disconnect-after-chunks=4;hang=false;malformed-chunk-at=2;omit-usage=true;times=5;cached-tokens=7;"
                + "reasoning-tokens=9");

        assertThat(fault).isEqualTo(new Fault(429, 3, 10L, 20L, 30L, 4, false, 2, true, 5, 7, 9));
        assertThat(Fault.parse(fault.toString())).isEqualTo(fault);
    }

    @Test
    void blankHeaderIsNoFault() {
        assertThat(Fault.parse(null)).isEqualTo(Fault.NONE);
        assertThat(Fault.parse(" ; ")).isEqualTo(Fault.NONE);
    }

    @Test
    void rejectsUnknownKeysAndBadValues() {
        assertThatThrownBy(() -> Fault.parse("stauts=500")).hasMessageContaining("unknown fault key 'stauts'");
        assertThatThrownBy(() -> Fault.parse("status=abc")).hasMessageContaining("status must be an integer");
        assertThatThrownBy(() -> Fault.parse("status=700")).hasMessageContaining("between 100 and 599");
        assertThatThrownBy(() -> Fault.parse("hang=yes")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> Fault.parse("hang")).hasMessageContaining("not key=value");
    }

    @Test
    void retryAfterDefaultsToOneSecondOnlyFor429() {
        assertThat(Fault.parse("status=429").retryAfterFor(429)).isEqualTo(1);
        assertThat(Fault.parse("status=503").retryAfterFor(503)).isNull();
        assertThat(Fault.parse("status=503;retry-after=7").retryAfterFor(503)).isEqualTo(7);
    }

    @Test
    void overrideReplacesOnlyTheKeysItSets() {
        Fault rule = Fault.fromMap(Map.of("status", "503", "latency-ms", "100"));

        Fault merged = rule.overriddenBy(Fault.parse("status=429"));

        assertThat(merged.status()).isEqualTo(429);
        assertThat(merged.latency()).isEqualTo(100);
    }
}
