package hk.seamless.log;

import hk.seamless.config.LogSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, hash-chained log in segment files: the registry's audit trail and what makes
 * "acknowledged" mean durable, and the lane's record of decisions. Entries get gap-free sequences
 * 1, 2, 3, ... across segments; a segment is sealed when it is full or its Hong Kong day is over,
 * and is never written again. A {@link Checkpoint} says up to where the owner's state is durable,
 * so that a start reads only the entries after it.
 *
 * <p>Why not Chronicle Queue: a registry write must reach the disk before it is acknowledged, and
 * many writes must share one {@code fsync} (group commit); a file channel does that plainly and the
 * files are read back with no library. Single writer: only its owner's thread appends.
 */
public final class SegmentedLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentedLog.class);

    /** What opening found at the end of the last segment: a tail cut off, or nothing (bytes 0). */
    public record OpenReport(String segment, long offset, long bytesCut, String reason, long entriesRead) {

        public boolean cut() {
            return bytesCut > 0;
        }
    }

    private final Path dir;
    private final LogSettings settings;
    private final Clock clock;
    private final MessageDigest sha = Frame.sha256();
    private final OpenReport openReport;
    private Segment current;
    private FileChannel channel;
    private long currentSize;
    private volatile long lastSequence;
    private byte[] lastHash;
    /** The last sequence and its hash together, for readers: published after each append. */
    private volatile LogReader.Tip tip;

    private String lastSegment;
    private long lastPosition;
    private long lastEnd;
    private volatile long sizeBytes;
    private volatile Checkpoint lastCheckpoint;
    private boolean unflushed;
    /** Checkpoints are written one at a time, never older over newer. */
    private final Object checkpointing = new Object();

    private SegmentedLog(Path dir, LogSettings settings, Clock clock, OpenReport openReport, Opened opened) {
        this.dir = dir;
        this.settings = settings;
        this.clock = clock;
        this.openReport = openReport;
        this.current = opened.current;
        this.channel = opened.channel;
        this.currentSize = opened.currentSize;
        this.lastSequence = opened.lastSequence;
        this.lastHash = opened.lastHash;
        this.tip = new LogReader.Tip(opened.lastSequence, opened.lastHash);
        this.lastSegment = opened.lastSegment;
        this.lastPosition = opened.lastPosition;
        this.lastEnd = opened.lastEnd;
        this.sizeBytes = opened.sizeBytes;
        this.lastCheckpoint = opened.checkpoint;
    }

    /** What {@link LogOpening} found: where appending goes on from. */
    static final class Opened {
        Segment current;
        FileChannel channel;
        long currentSize;
        long lastSequence;
        byte[] lastHash = Frame.ZERO_HASH;
        String lastSegment;
        long lastPosition;
        long lastEnd;
        long sizeBytes;
        Checkpoint checkpoint;
        OpenReport report;
    }

    /**
     * Opens the log in {@code dir} (creating it), hands every whole entry after the checkpoint to
     * {@code pastCheckpoint} in order (all of them when there is no checkpoint), and cuts a torn or
     * damaged tail off the last segment, saying so.
     *
     * @throws LogDamageException when the checkpoint does not match its entry, or a sealed segment
     *                            read on the way is damaged: the operator runs {@code verify-log}
     */
    public static SegmentedLog open(Path dir, LogSettings settings, Clock clock, Consumer<LogEntry> pastCheckpoint) {
        try {
            OwnerOnly.folder(dir);
            Opened opened = LogOpening.open(dir, pastCheckpoint);
            if (opened.report.cut()) {
                LOG.warn(
                        "The log {} ended in a torn or damaged entry: cut {} bytes off segment {} at offset {} ({});"
                                + " they are kept in {}.cut-at-{}",
                        dir,
                        opened.report.bytesCut(),
                        opened.report.segment(),
                        opened.report.offset(),
                        opened.report.reason(),
                        opened.report.segment(),
                        opened.report.offset());
            }
            return new SegmentedLog(dir, settings, clock, opened.report, opened);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log " + dir, e);
        }
    }

    /** Appends one entry; returns its sequence. */
    public long append(byte[] payload) {
        return appendAll(List.of(payload));
    }

    /**
     * Appends entries with one write: how a consumer that works in batches saves system calls. After
     * this returns the bytes are the operating system's, so they survive a killed process; {@link
     * #flush()} makes them survive a power cut too.
     *
     * @return the sequence of the last of them (of the log's last entry when the list is empty)
     */
    public synchronized long appendAll(List<byte[]> payloads) {
        if (payloads.isEmpty()) {
            return lastSequence;
        }
        long bytes = 0;
        for (byte[] p : payloads) {
            Frame.checkPayload(p);
            bytes += Frame.HEADER + p.length;
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a batch of " + bytes + " bytes: append it in parts");
        }
        long now = clock.millis();
        try {
            startSegmentIfDue(
                    LocalDate.ofInstant(Instant.ofEpochMilli(now), hk.seamless.config.HongKong.TIME_ZONE), bytes);
            ByteBuffer frames = ByteBuffer.allocate((int) bytes);
            long sequence = lastSequence;
            byte[] hash = lastHash;
            long position = currentSize;
            for (byte[] p : payloads) {
                sequence++;
                position = currentSize + frames.position();
                Frame.put(frames, sequence, now, hash, p);
                hash = Frame.hash(sha, hash, sequence, now, p);
            }
            frames.flip();
            long at = currentSize;
            while (frames.hasRemaining()) {
                at += channel.write(frames, at);
            }
            currentSize = at;
            sizeBytes += bytes;
            lastHash = hash;
            lastSegment = current.name();
            lastPosition = position;
            lastEnd = at;
            unflushed = true;
            lastSequence = sequence;
            tip = new LogReader.Tip(sequence, hash);
            return sequence;
        } catch (IOException e) {
            throw new UncheckedIOException("log append failed in " + dir, e);
        }
    }

    /** A new segment when the day changed (Hong Kong time) or this write would overfill the current one. */
    private void startSegmentIfDue(LocalDate day, long bytes) throws IOException {
        if (current != null) {
            boolean newDay = day.isAfter(current.day());
            if (currentSize == 0 && newDay) {
                // Started but never written (a start just before midnight): renamed by its day.
                channel.close();
                Files.delete(current.file());
            } else if (currentSize == 0 || !newDay && currentSize + bytes <= settings.segmentBytes()) {
                return;
            } else {
                // Sealed: forced once, so that the archive is on the disk whatever the fsync setting.
                channel.force(true);
                channel.close();
            }
        }
        current = Segment.of(dir, lastSequence + 1, day);
        channel = FileChannel.open(
                current.file(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        OwnerOnly.file(current.file());
        currentSize = channel.size();
        DurableFile.forceFolder(dir);
    }

    /** Forces what was appended to the disk (when the settings say fsync): one for many entries. */
    public synchronized void flush() {
        if (!unflushed || !settings.fsync()) {
            return;
        }
        try {
            channel.force(false);
            unflushed = false;
        } catch (IOException e) {
            throw new UncheckedIOException("log flush failed in " + dir, e);
        }
    }

    /** Forces what was appended to the disk whatever the fsync setting (before an old journal is renamed). */
    public synchronized void force() {
        try {
            if (channel != null) {
                channel.force(false);
            }
            unflushed = false;
        } catch (IOException e) {
            throw new UncheckedIOException("log flush failed in " + dir, e);
        }
    }

    /**
     * Records durably that the owner's state holds every entry up to the last appended: its
     * sequence, hash, segment and position, the time, and the owner's {@code marks}. The owner
     * forces its own state first. The entries it names are forced here, whatever the fsync setting,
     * so a checkpoint never points past the disk's end of the log. Safe from another thread than
     * the writer's: the position is taken under the log's lock, the forcing and writing are done
     * outside it, so appends do not wait for the disk.
     *
     * @return the checkpoint, or null when the log has no entry yet
     */
    public Checkpoint checkpoint(Map<String, Long> marks) {
        Checkpoint checkpoint;
        synchronized (this) {
            if (lastSequence == 0) {
                return null;
            }
            checkpoint =
                    new Checkpoint(lastSequence, lastHash, lastSegment, lastPosition, lastEnd, clock.instant(), marks);
        }
        synchronized (checkpointing) {
            Checkpoint last = lastCheckpoint;
            if (last != null && last.sequence() > checkpoint.sequence()) {
                return last;
            }
            try {
                // Its own descriptor: the writer may seal and close the segment meanwhile.
                try (FileChannel segment = FileChannel.open(
                        dir.resolve(checkpoint.segment()), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    segment.force(false);
                }
                checkpoint.write(dir);
                lastCheckpoint = checkpoint;
                return checkpoint;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint of " + dir, e);
            }
        }
    }

    /** The last checkpoint written or found at open, or null if there is none. */
    public Checkpoint lastCheckpoint() {
        return lastCheckpoint;
    }

    /** What opening found: a cut tail, and how many entries it read past the checkpoint. */
    public OpenReport openReport() {
        return openReport;
    }

    /** The sequence the next entry will get. */
    public long nextSequence() {
        return lastSequence + 1;
    }

    /** The sequence of the last entry appended, 0 for an empty log. */
    public long lastSequence() {
        return lastSequence;
    }

    /** Entries the log has taken since it began: the last sequence (archived segments included). */
    public long entries() {
        return lastSequence;
    }

    /** Bytes of every segment in the folder, sealed ones included. */
    public long sizeBytes() {
        return sizeBytes;
    }

    public Path dir() {
        return dir;
    }

    /** Reads the log from other threads while this one appends: it never sees past the last append. */
    public LogReader reader() {
        return new LogReader(dir, () -> tip);
    }

    /**
     * Deletes whole sealed segments whose every entry is older than {@code cutoff} and at or before
     * the last checkpoint; the current segment is never deleted. Where the chain now starts is
     * written to {@code archive-start} first, so the verifier still checks what is left.
     *
     * @return how many segments were deleted
     */
    public synchronized int deleteSegmentsBefore(Instant cutoff) {
        Checkpoint checkpoint = lastCheckpoint;
        if (checkpoint == null) {
            return 0;
        }
        try {
            List<Segment> segments = new ArrayList<>(Segment.list(dir));
            int deleted = 0;
            for (int i = 0; i + 1 < segments.size(); i++) {
                Segment next = segments.get(i + 1);
                // Never the current segment, nor the checkpoint's (a start begins there), nor any after it.
                if (current != null && segments.get(i).name().equals(current.name())
                        || segments.get(i).name().equals(checkpoint.segment())) {
                    break;
                }
                FrameReader.Read first = ArchiveStart.firstFrame(next);
                if (next.firstSequence() - 1 > checkpoint.sequence()
                        || first == null
                        || !Instant.ofEpochMilli(first.atMillis()).isBefore(cutoff)) {
                    break;
                }
                new ArchiveStart(next.firstSequence(), first.previousHash()).write(dir);
                long size = Files.size(segments.get(i).file());
                Files.delete(segments.get(i).file());
                sizeBytes -= size;
                deleted++;
                LOG.info(
                        "Deleted the archived log segment {} (older than the retention, before the checkpoint)",
                        segments.get(i).name());
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old segments of " + dir, e);
        }
    }

    /** Flushes and closes; it does not checkpoint: the owner does, after forcing its own state. */
    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            flush();
            channel.close();
            channel = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
