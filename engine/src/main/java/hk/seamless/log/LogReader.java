package hk.seamless.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a log while its writer appends, on its own file channels and from any thread: it sees the
 * entries up to the writer's last append when a read began, never a frame being written. Every
 * entry handed out has had its checksum checked; damage inside what the writer wrote is an error,
 * never skipped. Streams hold an open file: close them (try-with-resources).
 */
public final class LogReader {

    /**
     * The writer's last append as a reader may see it: its sequence and the hash the next entry will
     * chain on, taken together (the newest entry has no next entry to check it against, but this).
     *
     * @param hash null when no writer is known (a log read as files only)
     */
    record Tip(long sequence, byte[] hash) {}

    private final Path dir;
    private final Supplier<Tip> tip;

    LogReader(Path dir, Supplier<Tip> tip) {
        this.dir = dir;
        this.tip = tip;
    }

    /** A reader of a log no process is writing (a copy, a backup, a tool). */
    public static LogReader of(Path dir) {
        Tip unknown = new Tip(Long.MAX_VALUE, null);
        return new LogReader(dir, () -> unknown);
    }

    /** The segments, oldest first, with their first sequence and day: a time range can skip whole ones. */
    public List<Segment> segments() {
        try {
            return Segment.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log " + dir, e);
        }
    }

    /** The entry with this sequence, if the log (still) has it. */
    public Optional<LogEntry> read(long sequence) {
        try (Stream<LogEntry> from = forward(sequence)) {
            return from.findFirst().filter(e -> e.sequence() == sequence);
        }
    }

    /** Entries from {@code fromSequence} (or the first kept, if later) to the last appended, oldest first. */
    public Stream<LogEntry> forward(long fromSequence) {
        long last = tip.get().sequence();
        List<Segment> segments = segments();
        // Before the first segment kept (the archive retention deleted older ones): from the first kept.
        long from = segments.isEmpty()
                ? fromSequence
                : Math.max(fromSequence, segments.get(0).firstSequence());
        int index = Math.max(0, segmentIndex(segments, from));
        Forward iterator = new Forward(segments.subList(Math.min(index, segments.size()), segments.size()), from, last);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(iterator::close);
    }

    /**
     * Entries from {@code fromSequenceInclusive} (or the last appended, if earlier) back to the first,
     * newest first. Each is checked against the hash the entry after it chains on, the first one too:
     * against the entry after it in the log, or, for the newest, the writer's own last hash.
     */
    public Stream<LogEntry> backward(long fromSequenceInclusive) {
        Tip last = tip.get();
        long from = Math.min(fromSequenceInclusive, last.sequence());
        List<Segment> segments = segments();
        Backward iterator = new Backward(
                segments, segmentIndex(segments, from), from, from == last.sequence() ? last.hash() : null, last);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(iterator::close);
    }

    /** The index of the segment that would hold {@code sequence}: the last one starting at or before it. */
    private static int segmentIndex(List<Segment> segments, long sequence) {
        int found = -1;
        for (int i = 0; i < segments.size() && segments.get(i).firstSequence() <= sequence; i++) {
            found = i;
        }
        return found;
    }

    private static FileChannel openRead(Segment segment) {
        try {
            return FileChannel.open(segment.file(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log segment " + segment.file(), e);
        }
    }

    private static LogDamageException damaged(Segment segment, FrameReader.Read read, long expected) {
        return new LogDamageException("segment " + segment.name() + " is damaged at byte " + read.position() + " ("
                + read.kind() + (read.kind() == FrameReader.Kind.ENTRY ? " with sequence " + read.sequence() : "")
                + ", where sequence " + expected + " should be); run verify-log");
    }

    /** Segment after segment, one open file at a time. */
    private static final class Forward implements Iterator<LogEntry>, AutoCloseable {
        private final List<Segment> segments;
        private final long last;
        private long wanted;
        private int index = -1;
        private Segment segment;
        private FileChannel channel;
        private FrameReader frames;
        private LogEntry next;

        Forward(List<Segment> segments, long from, long last) {
            this.segments = segments;
            this.wanted = from;
            this.last = last;
        }

        @Override
        public boolean hasNext() {
            if (next == null && wanted <= last) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public LogEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LogEntry entry = next;
            next = null;
            wanted = entry.sequence() + 1;
            return entry;
        }

        private LogEntry advance() {
            try {
                while (true) {
                    if (frames == null) {
                        close();
                        if (++index >= segments.size()) {
                            return null;
                        }
                        segment = segments.get(index);
                        channel = openRead(segment);
                        frames = new FrameReader(channel, 0);
                    }
                    // Entries before the one wanted are passed over by their headers alone.
                    FrameReader.Read read = frames.next(wanted);
                    if (read.kind() == FrameReader.Kind.ENTRY && read.sequence() < wanted) {
                        continue;
                    }
                    if (read.kind() == FrameReader.Kind.END) {
                        frames = null;
                        continue;
                    }
                    if (read.kind() == FrameReader.Kind.ENTRY && read.sequence() == wanted) {
                        return new LogEntry(
                                read.sequence(), read.atMillis(), read.payload(), segment.name(), read.position());
                    }
                    throw damaged(segment, read, wanted);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the log segment " + segment.file(), e);
            }
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Read-only: nothing is lost by a failed close.
                }
                channel = null;
            }
        }
    }

    /**
     * Newest first: a segment's frame positions are found by walking its headers (payloads
     * skipped), then its entries are read from the last back. Each entry is also checked against
     * the hash the entry after it chains on (the one handed out before it): an edit whose maker
     * also fixed the checksum is damage too, found where the audit trail reads it.
     */
    private static final class Backward implements Iterator<LogEntry>, AutoCloseable {
        private final java.security.MessageDigest sha = Frame.sha256();
        /** The previous-entry hash of the entry handed out last, which the next one handed out must have. */
        private byte[] chainedOn;

        private final List<Segment> segments;
        private int index;
        private long wanted;
        private Segment segment;
        private FileChannel channel;
        private long[] positions;
        private long[] ends;
        private int cursor;

        /** The writer's last append when the read began: nothing after it is read, even as an anchor. */
        private final Tip last;

        /** @param chainedOn the hash the entry after {@code from} chains on, if known; else it is read */
        Backward(List<Segment> segments, int index, long from, byte[] chainedOn, Tip last) {
            this.segments = segments;
            this.index = index + 1;
            this.wanted = from;
            this.chainedOn = chainedOn;
            this.last = last;
        }

        @Override
        public boolean hasNext() {
            try {
                while ((positions == null || cursor < 0) && wanted >= 1) {
                    close();
                    if (--index < 0) {
                        return false;
                    }
                    segment = segments.get(index);
                    channel = openRead(segment);
                    index(wanted);
                }
                return positions != null && cursor >= 0 && wanted >= 1;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the log segment " + segment.file(), e);
            }
        }

        /** Positions of this segment's frames up to the sequence wanted. */
        private void index(long upTo) throws IOException {
            List<long[]> found = new ArrayList<>();
            FrameReader frames = new FrameReader(channel, 0);
            FrameReader.Read read;
            while ((read = frames.next(false)).kind() == FrameReader.Kind.ENTRY && read.sequence() <= upTo) {
                found.add(new long[] {read.position(), read.end()});
            }
            if (chainedOn == null && upTo < last.sequence()) {
                chainedOn = read.kind() == FrameReader.Kind.ENTRY && read.sequence() == upTo + 1
                        ? checkedAt(segment, channel, read.position(), upTo + 1).previousHash()
                        : firstOfNextSegment(upTo + 1);
            }
            positions = new long[found.size()];
            ends = new long[found.size()];
            for (int i = 0; i < found.size(); i++) {
                positions[i] = found.get(i)[0];
                ends[i] = found.get(i)[1];
            }
            cursor = found.size() - 1;
        }

        /**
         * The previous-entry hash of entry {@code sequence} when it opens the segment after the one
         * being read (the page's first entry ends its segment); null if the log has no such entry.
         */
        private byte[] firstOfNextSegment(long sequence) throws IOException {
            int next = index + 1;
            if (next >= segments.size() || segments.get(next).firstSequence() != sequence) {
                return null;
            }
            Segment after = segments.get(next);
            try (FileChannel opened = openRead(after)) {
                return checkedAt(after, opened, 0, sequence).previousHash();
            }
        }

        /** The whole frame at {@code position}, its checksum checked: a damaged anchor is damage too. */
        private FrameReader.Read checkedAt(Segment in, FileChannel from, long position, long sequence)
                throws IOException {
            FrameReader.Read read = new FrameReader(from, position).next(true);
            if (read.kind() != FrameReader.Kind.ENTRY || read.sequence() != sequence) {
                throw damaged(in, read, sequence);
            }
            return read;
        }

        @Override
        public LogEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                FrameReader.Read read = new FrameReader(channel, positions[cursor], ends[cursor]).next(true);
                if (read.kind() != FrameReader.Kind.ENTRY || read.sequence() != wanted) {
                    throw damaged(segment, read, wanted);
                }
                if (chainedOn != null
                        && !java.util.Arrays.equals(
                                chainedOn,
                                Frame.hash(
                                        sha, read.previousHash(), read.sequence(), read.atMillis(), read.payload()))) {
                    throw new LogDamageException("segment " + segment.name() + " is damaged at byte " + read.position()
                            + ": entry " + read.sequence() + " is not the one entry " + (read.sequence() + 1)
                            + " chains on (its content was changed, its checksum with it); run verify-log");
                }
                chainedOn = read.previousHash();
                cursor--;
                wanted--;
                return new LogEntry(read.sequence(), read.atMillis(), read.payload(), segment.name(), read.position());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the log segment " + segment.file(), e);
            }
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Read-only: nothing is lost by a failed close.
                }
                channel = null;
            }
        }
    }
}
