package dev.switchboard.routing.plan;

import dev.switchboard.routing.registry.RegistryVersion;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Hands out the registry snapshot of the current version. Each call costs one primary-key read of the version and
 * a clock comparison; the snapshot is reloaded when an admin change has bumped the version, so a change is visible
 * to the very next plan, and when a scheduled price has become due, which bumps nothing.
 * <p>
 * The due time comes from the database clock and is compared with this JVM's: skew between the two delays a
 * scheduled price by that much, or reloads a few times early until the database agrees the price is in force.
 */
@Service
class RegistrySnapshots {

    private final RegistryVersion registryVersion;
    private final RegistrySnapshotRepository repository;
    private final Clock clock = Clock.systemUTC();
    private volatile LoadedSnapshot cached;

    RegistrySnapshots(RegistryVersion registryVersion, RegistrySnapshotRepository repository) {
        this.registryVersion = registryVersion;
        this.repository = repository;
    }

    RegistrySnapshot current() {
        LoadedSnapshot loaded = cached;
        if (loaded == null || !loaded.isCurrent(registryVersion.current(), clock.instant())) {
            loaded = repository.load();
            remember(loaded);
        }
        return loaded.snapshot();
    }

    /** Two threads may reload at once; the older of their snapshots must not replace the newer one. */
    private synchronized void remember(LoadedSnapshot loaded) {
        if (cached == null || loaded.isNewerThan(cached)) {
            cached = loaded;
        }
    }
}
