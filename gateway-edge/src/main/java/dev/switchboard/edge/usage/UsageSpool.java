package dev.switchboard.edge.usage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's write-ahead log of usage events: every event is appended here before it is sent to Kafka, and a
 * segment is deleted only once Kafka has acknowledged all of it, so neither a Kafka outage nor a crash of the edge
 * loses an event. Segments are numbered, oldest first; the newest is the one written to, older ones are "rolled"
 * and wait to be replayed. A lock file keeps a second edge out of the directory. Changes are made under the
 * spool's own monitor ({@link KafkaDelivery} holds it); the metric and bound readers need no lock.
 */
final class UsageSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UsageSpool.class);
    private static final String LOCK_FILE = "spool.lock";

    private final Path directory;
    private final long segmentBytes;
    private final long maxBytes;
    private final boolean sync;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Oldest first; the last one is the live segment. Read by metric scrapes, so copy-on-write. */
    private final List<SpoolSegment> segments = new CopyOnWriteArrayList<>();

    UsageSpool(Path directory, long segmentBytes, long maxBytes, boolean sync) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.segmentBytes = segmentBytes;
        this.maxBytes = maxBytes;
        this.sync = sync;
        this.lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        this.lock = tryLock(lockChannel, directory);
        try {
            segments.addAll(leftovers());
            long next = segments.isEmpty() ? 1 : segments.get(segments.size() - 1).id() + 1;
            segments.add(SpoolSegment.create(directory, next));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        if (segments.size() > 1) {
            log.info("Usage spool {} holds {} events ({} bytes) from a previous run; they are replayed first",
                    directory, events(), bytes());
        }
    }

    /** Appends the batch to the live segment, forced to disk when so configured; answers the segment it went to. */
    SpoolSegment append(List<SpoolRecord> batch) throws IOException {
        SpoolSegment live = live();
        live.append(batch, sync);
        if (live.bytes() >= segmentBytes) {
            roll();
        }
        return live;
    }

    /** Closes the live segment to writes, so everything written so far can be replayed, and opens a new one. */
    void roll() throws IOException {
        SpoolSegment live = live();
        if (live.isEmpty()) {
            return;
        }
        live.roll();
        segments.add(SpoolSegment.create(directory, live.id() + 1));
    }

    /** The oldest segment closed to writes, waiting for replay; null when there is none. */
    SpoolSegment oldestRolled() {
        SpoolSegment oldest = segments.get(0);
        return oldest.rolled() ? oldest : null;
    }

    /** Deletes a segment Kafka has acknowledged in full. */
    void discard(SpoolSegment segment) throws IOException {
        segments.remove(segment);
        segment.delete();
    }

    /** Drops what live sending got acknowledged: rolled segments in full, and the live segment by emptying it. */
    void releaseAcknowledged() throws IOException {
        for (SpoolSegment segment : segments) {
            if (!segment.fullyAcknowledged()) {
                continue;
            }
            if (segment.rolled()) {
                discard(segment);
            } else {
                segment.clear();
            }
        }
    }

    SpoolSegment live() {
        return segments.get(segments.size() - 1);
    }

    /** Bytes on disk not yet acknowledged by Kafka. */
    long bytes() {
        long total = 0;
        for (SpoolSegment segment : segments) {
            total += segment.bytes();
        }
        return total;
    }

    /** Events on disk not yet acknowledged by Kafka. */
    long events() {
        long total = 0;
        for (SpoolSegment segment : segments) {
            total += segment.unacknowledged();
        }
        return total;
    }

    /** Past the bound, new cost-bearing requests are refused; events of admitted ones are still written. */
    boolean full() {
        return bytes() >= maxBytes;
    }

    Path directory() {
        return directory;
    }

    /** Closes the files and frees the directory for the next start; what is in it stays for that start. */
    @Override
    public void close() throws IOException {
        for (SpoolSegment segment : segments) {
            segment.close();
        }
        if (lock != null && lock.isValid()) {
            lock.release();
        }
        lockChannel.close();
    }

    private List<SpoolSegment> leftovers() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(SpoolSegment.SUFFIX)).sorted()
                    .toList();
        }
        List<SpoolSegment> found = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            long id = Long.parseLong(name.substring(0, name.length() - SpoolSegment.SUFFIX.length()));
            SpoolSegment segment = SpoolSegment.recover(file, id);
            if (segment.isEmpty()) {
                segment.delete();
            } else {
                found.add(segment);
            }
        }
        return found;
    }

    private static FileLock tryLock(FileChannel channel, Path directory) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Usage spool directory " + directory + " is in use by another edge; "
                    + "give each edge replica its own switchboard.edge.usage.spool.directory");
        }
        return lock;
    }
}
