package dev.switchboard.edge.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool on real files: order, torn tails, acknowledgement, leftovers of a previous run, the lock and the bound. */
class UsageSpoolTests {

    private static final long SEGMENT_BYTES = 4096;

    @TempDir
    Path directory;

    @Test
    void readsBackWhatWasAppendedInOrderAcrossBatches() throws IOException {
        try (UsageSpool spool = spool(1 << 20)) {
            spool.append(records("team-a", 0, 3));
            spool.append(records("team-b", 3, 2));
            SpoolSegment live = spool.live();

            assertThat(values(live.readAll())).containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
            assertThat(live.readAll()).extracting(SpoolRecord::key)
                    .containsExactly("team-a", "team-a", "team-a", "team-b", "team-b");
            assertThat(spool.events()).isEqualTo(5);
            assertThat(spool.bytes()).isEqualTo(Files.size(segmentFiles().get(0)));
        }
    }

    @Test
    void truncatesATornTailLeftByACrashInsteadOfFailing() throws IOException {
        try (UsageSpool spool = spool(1 << 20)) {
            spool.append(records("team-a", 0, 3));
        }
        Path segment = segmentFiles().get(0);
        long intact = Files.size(segment);
        // a crash mid-write: the frame of a fourth record promises more bytes than made it to the disk
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            file.write(ByteBuffer.allocate(12).putInt(500).putInt(42).putInt(7).flip());
        }

        try (UsageSpool spool = spool(1 << 20)) {
            SpoolSegment leftover = spool.oldestRolled();

            assertThat(values(leftover.readAll())).containsExactly("event-0", "event-1", "event-2");
            assertThat(Files.size(segment)).isEqualTo(intact);
        }
    }

    @Test
    void dropsARecordWhoseChecksumDoesNotMatchAndEverythingAfterIt() throws IOException {
        try (UsageSpool spool = spool(1 << 20)) {
            spool.append(records("team-a", 0, 3));
        }
        Path segment = segmentFiles().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 0x5A; // the last record's last byte, as a half-flushed page would leave it
        Files.write(segment, bytes);

        try (UsageSpool spool = spool(1 << 20)) {
            assertThat(values(spool.oldestRolled().readAll())).containsExactly("event-0", "event-1");
            assertThat(spool.events()).isEqualTo(2);
        }
    }

    @Test
    void deletesARolledSegmentOnlyOnceKafkaAcknowledgedAllOfIt() throws IOException {
        try (UsageSpool spool = spool(1 << 20)) {
            SpoolSegment segment = spool.append(records("team-a", 0, 3));
            spool.roll();
            segment.acknowledged();
            segment.acknowledged();

            spool.releaseAcknowledged();
            assertThat(segmentFiles()).hasSize(2);
            assertThat(spool.oldestRolled()).isSameAs(segment);
            assertThat(spool.events()).isEqualTo(1);

            segment.acknowledged();
            spool.releaseAcknowledged();
            assertThat(spool.oldestRolled()).isNull();
            assertThat(segmentFiles()).hasSize(1);
            assertThat(spool.bytes()).isZero();
        }
    }

    @Test
    void emptiesTheLiveSegmentOnceAllOfItIsAcknowledged() throws IOException {
        try (UsageSpool spool = spool(1 << 20)) {
            SpoolSegment live = spool.append(records("team-a", 0, 2));
            live.acknowledged();
            spool.releaseAcknowledged();
            assertThat(spool.bytes()).isPositive();

            live.acknowledged();
            spool.releaseAcknowledged();
            assertThat(spool.bytes()).isZero();
            assertThat(Files.size(segmentFiles().get(0))).isZero();

            spool.append(records("team-a", 2, 1));
            assertThat(values(live.readAll())).containsExactly("event-2");
        }
    }

    @Test
    void offersWhatAPreviousRunLeftForReplayOldestFirstAndWritesAfterIt() throws IOException {
        try (UsageSpool spool = spool(1 << 20)) {
            spool.append(records("team-a", 0, 2));
            spool.roll();
            spool.append(records("team-a", 2, 2));
        }

        try (UsageSpool spool = spool(1 << 20)) {
            SpoolSegment first = spool.oldestRolled();
            assertThat(values(first.readAll())).containsExactly("event-0", "event-1");
            spool.discard(first);
            SpoolSegment second = spool.oldestRolled();
            assertThat(values(second.readAll())).containsExactly("event-2", "event-3");
            spool.discard(second);
            assertThat(spool.oldestRolled()).isNull();

            SpoolSegment live = spool.append(records("team-a", 4, 1));
            assertThat(live.id()).isGreaterThan(second.id());
        }
    }

    @Test
    void rollsToANewSegmentOnceTheLiveOneReachesItsSize() throws IOException {
        try (UsageSpool spool = spool(1 << 20)) {
            for (int batch = 0; batch < 10; batch++) {
                spool.append(records("team-a", batch * 10, 10));
            }

            assertThat(segmentFiles().size()).isGreaterThan(2);
            List<String> all = new ArrayList<>();
            for (SpoolSegment segment = spool.oldestRolled(); segment != null; segment = spool.oldestRolled()) {
                all.addAll(values(segment.readAll()));
                spool.discard(segment);
            }
            all.addAll(values(spool.live().readAll()));
            assertThat(all).hasSize(100).startsWith("event-0", "event-1").endsWith("event-99");
        }
    }

    @Test
    void refusesASecondSpoolOnTheSameDirectory() throws IOException {
        try (UsageSpool first = spool(1 << 20)) {
            assertThatThrownBy(() -> spool(1 << 20)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another edge");
        }
        spool(1 << 20).close();
    }

    @Test
    void isFullOnceUnacknowledgedBytesReachTheBound() throws IOException {
        try (UsageSpool spool = spool(300)) {
            spool.append(records("team-a", 0, 2));
            assertThat(spool.full()).isFalse();

            SpoolSegment live = spool.append(records("team-a", 2, 10));
            assertThat(spool.bytes()).isGreaterThanOrEqualTo(300);
            assertThat(spool.full()).isTrue();

            for (int i = 0; i < 12; i++) {
                live.acknowledged();
            }
            spool.releaseAcknowledged();
            assertThat(spool.full()).isFalse();
        }
    }

    private UsageSpool spool(long maxBytes) throws IOException {
        return new UsageSpool(directory, SEGMENT_BYTES, maxBytes, true);
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(SpoolSegment.SUFFIX)).sorted().toList();
        }
    }

    /** {@code count} records of one team with values {@code event-<n>} from {@code first} on, padded to ~100 bytes. */
    private static List<SpoolRecord> records(String team, int first, int count) {
        List<SpoolRecord> records = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            records.add(new SpoolRecord(team, ("event-" + n + "|" + "x".repeat(80)).getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    private static List<String> values(List<SpoolRecord> records) {
        return records.stream().map(record -> new String(record.value(), StandardCharsets.UTF_8).split("\\|")[0])
                .toList();
    }
}
