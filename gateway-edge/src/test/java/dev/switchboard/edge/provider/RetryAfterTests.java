package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTests {

    @Test
    void readsDeltaSecondsAndHttpDates() {
        assertThat(RetryAfter.seconds("7")).isEqualTo(7);
        String inAMinute = ZonedDateTime.now().plusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(RetryAfter.seconds(inAMinute)).isBetween(58L, 60L);
        assertThat(RetryAfter.seconds("soon")).isZero();
        assertThat(RetryAfter.seconds((String) null)).isZero();
    }

    @Test
    void prefersMillisecondsRoundedUp() {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.set("retry-after-ms", "1500");
        headers.set("retry-after", "9");

        assertThat(RetryAfter.seconds(headers)).isEqualTo(2);
    }
}
