package dev.switchboard.routing.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an import did (or, in a dry run, would do), per section in file order.
 *
 * @param registryVersion the version after the import; unchanged by a dry run
 */
public record ImportSummary(boolean dryRun, boolean changed, long registryVersion,
                            Map<String, SectionSummary> sections) {

    /** Counts per section, and the entities that changed by name. */
    public record SectionSummary(int created, int updated, int deleted, int unchanged, List<EntityChange> changes) {

        static SectionSummary empty() {
            return new SectionSummary(0, 0, 0, 0, new ArrayList<>());
        }

        SectionSummary with(String key, Change change) {
            return switch (change) {
                case CREATED -> new SectionSummary(created + 1, updated, deleted, unchanged, plus(key, "created"));
                case UPDATED -> new SectionSummary(created, updated + 1, deleted, unchanged, plus(key, "updated"));
                case UNCHANGED -> new SectionSummary(created, updated, deleted, unchanged + 1, changes);
            };
        }

        SectionSummary withDeleted(String key) {
            return new SectionSummary(created, updated, deleted + 1, unchanged, plus(key, "deleted"));
        }

        boolean changedAnything() {
            return created + updated + deleted > 0;
        }

        private List<EntityChange> plus(String key, String action) {
            changes.add(new EntityChange(key, action));
            return changes;
        }
    }

    public record EntityChange(String key, String action) {
    }
}
