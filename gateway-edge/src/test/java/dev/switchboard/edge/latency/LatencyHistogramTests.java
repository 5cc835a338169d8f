package dev.switchboard.edge.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.LatencyReport.DeploymentLatency;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyHistogramTests {

    @Test
    void reportsTheP95AsItsBucketsUpperBound() {
        LatencyHistogram histogram = new LatencyHistogram();
        // 1..100 ms once each: the 95th value is 95 ms, which lies in the 88..95 ms bucket
        IntStream.rangeClosed(1, 100).forEach(histogram::record);

        LatencyHistogram.Summary summary = histogram.summarize(0.95);

        assertThat(summary.samples()).isEqualTo(100);
        assertThat(summary.quantileMillis()).isEqualTo(95);
    }

    @Test
    void aFewSlowCallsPastTheFifthPercentMoveTheP95() {
        LatencyHistogram histogram = new LatencyHistogram();
        IntStream.range(0, 94).forEach(i -> histogram.record(200));
        IntStream.range(0, 6).forEach(i -> histogram.record(3_000));
        // the 95th of 100 values is the first slow one; its bucket is 2,944..3,071 ms

        long p95 = histogram.summarize(0.95).quantileMillis();

        assertThat(p95).isEqualTo(3_071);
    }

    @Test
    void staysWithinOneEighthAboveTheTrueValueAcrossTheRange() {
        for (long value : new long[] {0, 1, 15, 16, 17, 100, 999, 4_321, 65_536, 600_000}) {
            long bound = LatencyHistogram.upperBoundOf(LatencyHistogram.bucketOf(value));
            assertThat(bound).as("bucket of %d", value).isGreaterThanOrEqualTo(value)
                    .isLessThanOrEqualTo(value + Math.max(0, value / 8));
        }
        assertThat(LatencyHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    }

    @Test
    void isEmptyWithoutSamples() {
        assertThat(new LatencyHistogram().summarize(0.95)).isEqualTo(new LatencyHistogram.Summary(0, 0));
    }

    @Test
    void eachReportCoversOnlyItsOwnWindowPerDeployment() {
        DeploymentLatencies latencies = new DeploymentLatencies();
        latencies.record("openai-main/gpt-4o-mini", TimeUnit.MILLISECONDS.toNanos(40));
        latencies.record("openai-main/gpt-4o-mini", TimeUnit.MILLISECONDS.toNanos(41));
        latencies.record("anthropic/claude", TimeUnit.MILLISECONDS.toNanos(700));

        assertThat(latencies.drain()).containsExactlyInAnyOrder(
                new DeploymentLatency("openai-main/gpt-4o-mini", 2, 43),
                new DeploymentLatency("anthropic/claude", 1, 703));
        assertThat(latencies.drain()).as("a window without calls reports nothing").isEmpty();
    }
}
