package dev.switchboard.routing.plan;

import dev.switchboard.routing.registry.RegistryVersion;
import org.springframework.stereotype.Service;

/**
 * Hands out the registry snapshot of the current version. Each call costs one primary-key read of the version;
 * the snapshot is reloaded only when an admin change has bumped it, so a change is visible to the very next plan.
 */
@Service
class RegistrySnapshots {

    private final RegistryVersion registryVersion;
    private final RegistrySnapshotRepository repository;
    private volatile RegistrySnapshot cached;

    RegistrySnapshots(RegistryVersion registryVersion, RegistrySnapshotRepository repository) {
        this.registryVersion = registryVersion;
        this.repository = repository;
    }

    RegistrySnapshot current() {
        RegistrySnapshot snapshot = cached;
        if (snapshot == null || snapshot.version() != registryVersion.current()) {
            snapshot = repository.load();
            remember(snapshot);
        }
        return snapshot;
    }

    /** Two threads may reload at once; the older of their snapshots must not replace the newer one. */
    private synchronized void remember(RegistrySnapshot snapshot) {
        if (cached == null || snapshot.version() > cached.version()) {
            cached = snapshot;
        }
    }
}
