package dev.switchboard.edge.latency;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed, log-scale histogram of millisecond latencies that many threads record into without locks or
 * allocation. Values below 16 ms have a bucket each; above, every power of two is split into 8 buckets, so a
 * percentile is off by at most 12.5% (reported as its bucket's upper bound, erring on the slow side). Values past
 * about 4.6 hours share the last bucket.
 */
final class LatencyHistogram {

    private static final int LINEAR = 16;
    private static final int SUB_BUCKET_BITS = 3;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int MAX_EXPONENT = 24;
    static final int BUCKETS = LINEAR + (MAX_EXPONENT - 4 + 1) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long millis) {
        counts.incrementAndGet(bucketOf(Math.max(0, millis)));
    }

    /** How many values were recorded and their {@code quantile} (0 to 1), as the bucket's upper bound in ms. */
    Summary summarize(double quantile) {
        long total = 0;
        long[] snapshot = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return new Summary(0, 0);
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= Math.max(1, rank)) {
                return new Summary(total, upperBoundOf(i));
            }
        }
        return new Summary(total, upperBoundOf(BUCKETS - 1));
    }

    record Summary(long samples, long quantileMillis) {
    }

    static int bucketOf(long millis) {
        if (millis < LINEAR) {
            return (int) millis;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(millis);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) (millis >>> (exponent - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
        return LINEAR + (exponent - 4) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls into {@code bucket}. */
    static long upperBoundOf(int bucket) {
        if (bucket < LINEAR) {
            return bucket;
        }
        int exponent = (bucket - LINEAR) / SUB_BUCKETS + 4;
        int sub = (bucket - LINEAR) % SUB_BUCKETS;
        long width = 1L << (exponent - SUB_BUCKET_BITS);
        return (1L << exponent) + (sub + 1) * width - 1;
    }
}
