package hk.seamless.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The append-only journal of registry changes: the audit trail and what makes "acknowledged" mean
 * durable. Each entry is a frame {@code [length:int][crc32c:int][payload]}; a process killed
 * mid-append leaves a torn last frame, which {@link #open} finds by its length or checksum and cuts
 * off, so the journal always ends on a whole entry.
 *
 * <p>Why not Chronicle Queue: a registry write must reach the disk before it is acknowledged, and
 * many writes must share one {@code fsync} (group commit). Chronicle Queue acknowledges on the
 * write to its memory-mapped file and brings roll cycles, its own threads and analytics; a plain
 * file channel does exactly the one job here in a page of code and is replayed with no library.
 *
 * <p>Single writer: only the registry writer thread appends.
 */
public final class Journal implements AutoCloseable {

    private static final int HEADER = 8;
    /** Larger than any registry transaction (a 20,000-row batch of 1.4 kB rows is 28 MB). */
    private static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    private final FileChannel channel;
    private final boolean fsync;
    private long entries;
    private boolean unflushed;

    private Journal(FileChannel channel, boolean fsync, long entries) {
        this.channel = channel;
        this.fsync = fsync;
        this.entries = entries;
    }

    /** Opens the journal, hands every whole entry to {@code replay} in order, and cuts a torn tail. */
    public static Journal open(Path file, boolean fsync, Consumer<byte[]> replay) {
        try {
            OwnerOnly.folder(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            OwnerOnly.file(file);
            long[] count = {0};
            long end = scan(channel, payload -> {
                count[0]++;
                replay.accept(payload);
            });
            if (end < channel.size()) {
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
            return new Journal(channel, fsync, count[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file, e);
        }
    }

    /** Reads whole frames from the start; returns where the last whole frame ends. */
    private static long scan(FileChannel channel, Consumer<byte[]> consumer) throws IOException {
        long position = 0;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            readFully(channel, header, position);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 0 || length > MAX_PAYLOAD || position + HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(channel, payload, position + HEADER);
            byte[] bytes = payload.array();
            if (crc(bytes) != crc) {
                break;
            }
            consumer.accept(bytes);
            position += HEADER + length;
        }
        return position;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("unexpected end of journal");
            }
        }
    }

    /**
     * Appends one entry. After this returns the bytes are in the operating system's hands, so they
     * survive a killed process; {@link #flush()} makes them survive a power cut too.
     */
    public void append(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("journal entry of " + payload.length + " bytes");
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal append failed", e);
        }
        entries++;
        unflushed = true;
    }

    /** Appends several entries with one write: how a consumer that works in batches saves syscalls. */
    public void appendAll(java.util.List<byte[]> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        int size = 0;
        for (byte[] p : payloads) {
            if (p.length == 0 || p.length > MAX_PAYLOAD) {
                throw new IllegalArgumentException("journal entry of " + p.length + " bytes");
            }
            size += HEADER + p.length;
        }
        ByteBuffer frames = ByteBuffer.allocate(size);
        for (byte[] p : payloads) {
            frames.putInt(p.length).putInt(crc(p)).put(p);
        }
        frames.flip();
        try {
            while (frames.hasRemaining()) {
                channel.write(frames);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal append failed", e);
        }
        entries += payloads.size();
        unflushed = true;
    }

    /** Forces what was appended to the disk: one {@code fsync} for however many entries. */
    public void flush() {
        if (!unflushed || !fsync) {
            return;
        }
        try {
            channel.force(false);
            unflushed = false;
        } catch (IOException e) {
            throw new UncheckedIOException("journal flush failed", e);
        }
    }

    public long entries() {
        return entries;
    }

    public long sizeBytes() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    @Override
    public void close() {
        try {
            flush();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
