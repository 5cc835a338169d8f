package dev.switchboard.routing.plan;

import java.time.Instant;

/**
 * A snapshot with the moments that decide when it goes stale besides a version bump. Prices may be written ahead
 * of time and take effect without any admin change, so the snapshot also expires when the next one is due.
 *
 * @param loadedAt         the database clock just before the registry was read
 * @param nextPriceChange  the earliest {@code effective_from} after {@code loadedAt}, or null when none is scheduled
 */
record LoadedSnapshot(RegistrySnapshot snapshot, Instant loadedAt, Instant nextPriceChange) {

    /** One comparison of numbers in memory: this runs on every plan call. */
    boolean isCurrent(long registryVersion, Instant now) {
        return snapshot.version() == registryVersion && (nextPriceChange == null || now.isBefore(nextPriceChange));
    }

    /** Of two loads, the one read from a later version, or at the same version, read later. */
    boolean isNewerThan(LoadedSnapshot other) {
        return snapshot.version() != other.snapshot.version()
                ? snapshot.version() > other.snapshot.version()
                : loadedAt.isAfter(other.loadedAt);
    }
}
