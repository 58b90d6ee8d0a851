package hk.seamless.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a start does with a log folder: trusts what the checkpoint vouches for (after checking that
 * its entry is there, unchanged), reads and checks everything after it, and cuts a torn tail off
 * the last segment ({@link TornWrite}: only what a write cut short can leave, with nothing whole
 * after it). Damage anywhere else stops the start: a sealed segment does not tear.
 */
final class LogOpening {

    private LogOpening() {}

    static SegmentedLog.Opened open(Path dir, Consumer<LogEntry> pastCheckpoint) throws IOException {
        List<Segment> segments = Segment.list(dir);
        Checkpoint checkpoint = Checkpoint.read(dir);
        SegmentedLog.Opened opened = new SegmentedLog.Opened();
        opened.checkpoint = checkpoint;
        for (Segment s : segments) {
            opened.sizeBytes += Files.size(s.file());
        }
        int index;
        long from;
        ChainWalk walk;
        if (checkpoint != null) {
            index = indexOf(segments, checkpoint.segment());
            if (index < 0) {
                throw new LogDamageException("the checkpoint (sequence " + checkpoint.sequence() + ") names segment "
                        + checkpoint.segment() + ", which is not in " + dir + "; run verify-log");
            }
            checkEntry(segments.get(index), checkpoint);
            walk = new ChainWalk(checkpoint.sequence() + 1, checkpoint.hash());
            from = checkpoint.end();
            opened.lastSequence = checkpoint.sequence();
            opened.lastHash = checkpoint.hash();
            opened.lastSegment = checkpoint.segment();
            opened.lastPosition = checkpoint.position();
            opened.lastEnd = checkpoint.end();
        } else {
            ArchiveStart.Start start = ArchiveStart.of(dir, segments);
            index = start.index();
            walk = new ChainWalk(start.sequence(), start.previousHash());
            from = 0;
            opened.lastSequence = start.sequence() - 1;
            opened.lastHash = start.previousHash();
        }
        opened.report = new SegmentedLog.OpenReport(null, 0, 0, null, 0);
        for (int i = index; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            boolean continues = i > index || checkpoint == null;
            if (continues && segment.firstSequence() != walk.next()) {
                if (last && Files.size(segment.file()) == 0) {
                    // Created at a roll just before the process stopped, never written: made again when needed.
                    Files.delete(segment.file());
                    break;
                }
                throw new LogDamageException("segment " + segment.name() + " of " + dir + " should begin at sequence "
                        + walk.next() + " but is named for " + segment.firstSequence()
                        + ": entries are missing or out of"
                        + " order; run verify-log");
            }
            FileChannel channel = FileChannel.open(
                    segment.file(),
                    last
                            ? new StandardOpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE}
                            : new StandardOpenOption[] {StandardOpenOption.READ});
            try {
                long size = channel.size();
                ChainWalk.Outcome outcome =
                        walk.walk(segment, channel, from, size, (entry, hash) -> pastCheckpoint.accept(entry));
                from = 0;
                if (outcome.stop() != ChainWalk.Stop.END) {
                    if (!last) {
                        throw new LogDamageException("segment " + segment.name() + " of " + dir + " is damaged at byte "
                                + outcome.position() + " (" + describe(outcome) + ", where sequence " + walk.next()
                                + " should be); run verify-log");
                    }
                    if (!TornWrite.explains(channel, outcome, size, walk.next())) {
                        throw new LogDamageException("segment " + segment.name() + " of " + dir + " is damaged at byte "
                                + outcome.position() + " (" + describe(outcome) + ", where sequence " + walk.next()
                                + " should be), and whole entries follow it: not a write cut short by a crash,"
                                + " so nothing is cut off; run verify-log");
                    }
                    opened.report = cutTail(segment, channel, outcome, size);
                    opened.sizeBytes -= opened.report.bytesCut();
                    size = outcome.position();
                }
                if (last) {
                    opened.current = segment;
                    opened.channel = channel;
                    opened.currentSize = size;
                } else {
                    channel.close();
                }
            } catch (RuntimeException | IOException e) {
                channel.close();
                throw e;
            }
        }
        if (walk.walked() > 0) {
            opened.lastSequence = walk.next() - 1;
            opened.lastHash = walk.hash();
            opened.lastSegment = walk.lastSegment();
            opened.lastPosition = walk.lastPosition();
            opened.lastEnd = walk.lastEnd();
        }
        opened.report = new SegmentedLog.OpenReport(
                opened.report.segment(),
                opened.report.offset(),
                opened.report.bytesCut(),
                opened.report.reason(),
                walk.walked());
        return opened;
    }

    private static int indexOf(List<Segment> segments, String name) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The checkpoint's entry must be where it says, whole, and unchanged (its hash). */
    private static void checkEntry(Segment segment, Checkpoint checkpoint) throws IOException {
        try (FileChannel channel = FileChannel.open(segment.file(), StandardOpenOption.READ)) {
            FrameReader.Read read = new FrameReader(channel, checkpoint.position()).next(true);
            boolean same = read.kind() == FrameReader.Kind.ENTRY
                    && read.sequence() == checkpoint.sequence()
                    && read.end() == checkpoint.end()
                    && Arrays.equals(
                            Frame.hash(
                                    Frame.sha256(),
                                    read.previousHash(),
                                    read.sequence(),
                                    read.atMillis(),
                                    read.payload()),
                            checkpoint.hash());
            if (!same) {
                throw new LogDamageException(
                        "the checkpoint's entry (sequence " + checkpoint.sequence() + " in segment "
                                + segment.name() + " at byte " + checkpoint.position()
                                + ") is not there as it was checkpointed;"
                                + " run verify-log");
            }
        }
    }

    /** Keeps the cut bytes beside the segment (evidence, never silently dropped), then truncates. */
    private static SegmentedLog.OpenReport cutTail(
            Segment segment, FileChannel channel, ChainWalk.Outcome outcome, long size) throws IOException {
        long offset = outcome.position();
        Path kept = segment.file().resolveSibling(segment.name() + ".cut-at-" + offset);
        try (FileChannel out = FileChannel.open(
                kept, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            hk.seamless.log.OwnerOnly.file(kept);
            long copied = 0;
            while (copied < size - offset) {
                copied += channel.transferTo(offset + copied, size - offset - copied, out);
            }
            out.force(true);
        }
        channel.truncate(offset);
        channel.force(true);
        return new SegmentedLog.OpenReport(segment.name(), offset, size - offset, describe(outcome), 0);
    }

    static String describe(ChainWalk.Outcome outcome) {
        FrameReader.Read found = outcome.found();
        return switch (outcome.stop()) {
            case END -> "end";
            case TORN -> "a frame cut short";
            case CORRUPT -> "a frame whose length or checksum is wrong";
            case GAP -> "sequence " + found.sequence() + " comes too early: entries are missing";
            case BACKWARD -> "sequence " + found.sequence() + " comes again or out of order";
            case CHAIN -> "sequence " + found.sequence() + " does not chain on the entry before it";
        };
    }
}
