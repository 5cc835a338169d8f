package dev.switchboard.usage.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTests {

    @Test
    void quotesOnlyFieldsThatNeedIt() {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row("plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", null, "");

        assertThat(out.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,\r\n");
        assertThat(Rfc4180.parse(out.toString()))
                .containsExactly(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", ""));
    }

    @Test
    void writesDecimalsAndInstantsPlainly() {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(new BigDecimal("1E-8"), new BigDecimal("2.50E+3"),
                Instant.parse("2025-04-01T00:00:00Z"));

        assertThat(out.toString()).isEqualTo("0.00000001,2500,2025-04-01T00:00:00Z\r\n");
    }
}
