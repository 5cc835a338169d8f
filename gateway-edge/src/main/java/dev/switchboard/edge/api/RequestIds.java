package dev.switchboard.edge.api;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids: 96 random bits, unique enough to be the ledger's idempotency key, cheap on the hot path. */
public final class RequestIds {

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                + Integer.toHexString(random.nextInt() | Integer.MIN_VALUE);
    }
}
