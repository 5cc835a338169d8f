package dev.switchboard.edge.usage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file of the spool. Each record is framed as
 * {@code [length][CRC32][key length][key][traceparent length][traceparent][value]}, so a record
 * torn by a crash mid-write is recognised on the next start and cut off rather than read as garbage. Writes happen
 * under the spool's lock; Kafka's callback thread only counts acknowledgements.
 */
final class SpoolSegment {

    static final String SUFFIX = ".spool";

    private static final Logger log = LoggerFactory.getLogger(SpoolSegment.class);
    private static final int FRAME_HEADER = Integer.BYTES * 2;
    private static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private final long id;
    private final Path file;
    private final FileChannel channel;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile long bytes;
    private volatile int records;
    private volatile boolean rolled;

    private SpoolSegment(long id, Path file, FileChannel channel, long bytes, int records) {
        this.id = id;
        this.file = file;
        this.channel = channel;
        this.bytes = bytes;
        this.records = records;
    }

    static SpoolSegment create(Path directory, long id) throws IOException {
        Path file = directory.resolve(fileName(id));
        return new SpoolSegment(id, file, open(file), 0, 0);
    }

    /**
     * Opens a segment a previous run left, already rolled: its valid records are kept and a torn or corrupt tail is
     * truncated (only the last batch written before a crash can be torn, and it was never acknowledged to anyone).
     */
    static SpoolSegment recover(Path file, long id) throws IOException {
        FileChannel channel = open(file);
        List<SpoolRecord> valid = new ArrayList<>();
        long validBytes = scan(channel, valid);
        if (validBytes < channel.size()) {
            log.warn("Usage spool segment {} ends in {} bytes of a torn or corrupt record; truncated", file,
                    channel.size() - validBytes);
            channel.truncate(validBytes);
            channel.force(true);
        }
        SpoolSegment segment = new SpoolSegment(id, file, channel, validBytes, valid.size());
        segment.rolled = true;
        return segment;
    }

    static String fileName(long id) {
        return String.format("%020d", id) + SUFFIX;
    }

    /** Appends the records after the last one, and forces them to the disk when {@code sync} is set. */
    void append(List<SpoolRecord> batch, boolean sync) throws IOException {
        int size = 0;
        List<byte[]> keys = new ArrayList<>(batch.size());
        List<byte[]> traces = new ArrayList<>(batch.size());
        for (SpoolRecord record : batch) {
            byte[] key = record.keyBytes();
            byte[] trace = record.traceparentBytes();
            keys.add(key);
            traces.add(trace);
            size += FRAME_HEADER + Short.BYTES + key.length + 1 + trace.length + record.value().length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        CRC32 crc = new CRC32();
        for (int i = 0; i < batch.size(); i++) {
            byte[] key = keys.get(i);
            byte[] trace = traces.get(i);
            byte[] value = batch.get(i).value();
            crc.reset();
            ByteBuffer body = ByteBuffer.allocate(Short.BYTES + key.length + 1 + trace.length + value.length)
                    .putShort((short) key.length).put(key).put((byte) trace.length).put(trace).put(value).flip();
            crc.update(body.duplicate());
            buffer.putInt(body.remaining()).putInt((int) crc.getValue()).put(body);
        }
        buffer.flip();
        long position = bytes;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        if (sync) {
            channel.force(false);
        }
        bytes = position;
        records += batch.size();
    }

    /** Every record in write order. */
    List<SpoolRecord> readAll() throws IOException {
        List<SpoolRecord> all = new ArrayList<>(records);
        scan(channel, all);
        return all;
    }

    /** Kafka acknowledged one record sent from this segment while it was the live one. */
    void acknowledged() {
        acknowledged.incrementAndGet();
    }

    /** Records written and not yet acknowledged (an estimate while a replay is under way). */
    long unacknowledged() {
        return Math.max(0, records - acknowledged.get());
    }

    boolean fullyAcknowledged() {
        return records > 0 && acknowledged.get() >= records;
    }

    /**
     * Empties the live segment once Kafka has acknowledged all it holds, so a healthy edge keeps (almost) nothing on
     * disk without creating a file per batch. Appends hold the spool's lock too, so nothing is written meanwhile.
     */
    void clear() throws IOException {
        channel.truncate(0);
        bytes = 0;
        records = 0;
        acknowledged.set(0);
    }

    void roll() {
        rolled = true;
    }

    boolean rolled() {
        return rolled;
    }

    boolean isEmpty() {
        return records == 0;
    }

    long id() {
        return id;
    }

    long bytes() {
        return bytes;
    }

    int records() {
        return records;
    }

    void close() throws IOException {
        channel.close();
    }

    void delete() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return file.getFileName() + "[" + records + " records, " + bytes + " bytes]";
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Reads records from the start into {@code into} up to the first invalid frame; answers where that is. */
    private static long scan(FileChannel channel, List<SpoolRecord> into) throws IOException {
        long size = channel.size();
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER);
        CRC32 crc = new CRC32();
        while (position + FRAME_HEADER <= size) {
            header.clear();
            readFully(channel, header, position);
            header.flip();
            int length = header.getInt();
            int expectedCrc = header.getInt();
            if (length < Short.BYTES || length > MAX_RECORD_BYTES || position + FRAME_HEADER + length > size) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(channel, body, position + FRAME_HEADER);
            body.flip();
            crc.reset();
            crc.update(body.duplicate());
            if ((int) crc.getValue() != expectedCrc) {
                break;
            }
            int keyLength = body.getShort() & 0xFFFF;
            if (keyLength > body.remaining()) {
                break;
            }
            byte[] key = new byte[keyLength];
            body.get(key);
            if (!body.hasRemaining() || (body.get(body.position()) & 0xFF) >= body.remaining()) {
                break;
            }
            byte[] trace = new byte[body.get() & 0xFF];
            body.get(trace);
            byte[] value = new byte[body.remaining()];
            body.get(value);
            into.add(new SpoolRecord(new String(key, StandardCharsets.UTF_8),
                    new String(trace, StandardCharsets.US_ASCII), value));
            position += FRAME_HEADER + length;
        }
        return position;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of spool segment");
            }
            at += read;
        }
    }
}
