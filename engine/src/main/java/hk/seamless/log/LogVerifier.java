package hk.seamless.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a whole log folder from its first segment: every frame whole and its checksum right,
 * sequences without a gap (a missing segment is a gap), each entry chained on the one before, and
 * the checkpoint matching its entry. It stops at the first break and names it: the sequence, the
 * segment, and whether an entry was altered, removed, reordered or torn off. Read-only: it may
 * run on a copy, or beside a running engine (the last segment's tail may then be mid-write).
 */
public final class LogVerifier {

    public enum Kind {
        /** An entry's bytes were changed (checksum, or the hash the next entry chains on). */
        ALTERED,
        /** Entries (or a whole segment) are missing. */
        REMOVED,
        /** Entries are out of order or repeated. */
        REORDERED,
        /** The log ends inside a frame: a write cut short by a crash (a start cuts it off). */
        TORN
    }

    /** The first thing wrong: at which sequence, in which segment, what. */
    public record Break(long sequence, String segment, Kind kind, String detail) {

        @Override
        public String toString() {
            return kind + " at sequence " + sequence + " in segment " + segment + ": " + detail;
        }
    }

    /** What the walk found; {@code broken} is null when the whole log checks out. */
    public record Result(Path dir, long entries, int segments, long lastSequence, Checkpoint checkpoint, Break broken) {

        public boolean ok() {
            return broken == null;
        }
    }

    private LogVerifier() {}

    /** @throws LogDamageException when the folder is not a log at all (missing, or its files unreadable) */
    public static Result verify(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new LogDamageException("there is no log folder " + dir);
        }
        try {
            return walk(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log " + dir, e);
        }
    }

    private static Result walk(Path dir) throws IOException {
        List<Segment> segments = Segment.list(dir);
        Checkpoint checkpoint;
        ArchiveStart.Start start;
        try {
            checkpoint = Checkpoint.read(dir);
            start = ArchiveStart.of(dir, segments);
        } catch (LogDamageException e) {
            String first = segments.isEmpty() ? "-" : segments.get(0).name();
            return new Result(
                    dir,
                    0,
                    segments.size(),
                    0,
                    null,
                    new Break(segments.isEmpty() ? 0 : 1, first, Kind.REMOVED, e.getMessage()));
        }
        ChainWalk walk = new ChainWalk(start.sequence(), start.previousHash());
        Break[] checkpointBreak = {null};
        for (int i = start.index(); i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.firstSequence() != walk.next() && !(last && Files.size(segment.file()) == 0)) {
                Kind kind = segment.firstSequence() > walk.next() ? Kind.REMOVED : Kind.REORDERED;
                return result(
                        dir,
                        segments,
                        walk,
                        checkpoint,
                        new Break(
                                walk.next(),
                                segment.name(),
                                kind,
                                "the segment is named for sequence " + segment.firstSequence() + " but sequence "
                                        + walk.next() + " comes next"
                                        + (kind == Kind.REMOVED ? ": a segment or entries are missing" : "")));
            }
            try (FileChannel channel = FileChannel.open(segment.file(), StandardOpenOption.READ)) {
                long size = channel.size();
                ChainWalk.Outcome outcome = walk.walk(segment, channel, 0, size, (entry, hash) -> {
                    if (checkpoint != null
                            && checkpointBreak[0] == null
                            && entry.sequence() == checkpoint.sequence()
                            && (!Arrays.equals(hash, checkpoint.hash())
                                    || !entry.segment().equals(checkpoint.segment())
                                    || entry.position() != checkpoint.position())) {
                        checkpointBreak[0] = new Break(
                                entry.sequence(),
                                entry.segment(),
                                Kind.ALTERED,
                                "the checkpoint's hash or position does not match this entry");
                    }
                });
                if (checkpointBreak[0] != null) {
                    return result(dir, segments, walk, checkpoint, checkpointBreak[0]);
                }
                if (outcome.stop() != ChainWalk.Stop.END) {
                    return result(
                            dir, segments, walk, checkpoint, breakAt(segment, channel, size, last, outcome, walk));
                }
            }
        }
        long lastSequence = walk.next() - 1;
        if (checkpoint != null && checkpoint.sequence() > lastSequence) {
            return result(
                    dir,
                    segments,
                    walk,
                    checkpoint,
                    new Break(
                            checkpoint.sequence(),
                            checkpoint.segment(),
                            Kind.REMOVED,
                            "the checkpoint names an entry the log no longer has (the log ends at " + lastSequence
                                    + ")"));
        }
        return result(dir, segments, walk, checkpoint, null);
    }

    private static Result result(
            Path dir, List<Segment> segments, ChainWalk walk, Checkpoint checkpoint, Break broken) {
        return new Result(dir, walk.walked(), segments.size(), walk.next() - 1, checkpoint, broken);
    }

    private static Break breakAt(
            Segment segment, FileChannel channel, long size, boolean last, ChainWalk.Outcome outcome, ChainWalk walk)
            throws IOException {
        long expected = walk.next();
        FrameReader.Read found = outcome.found();
        // A frame that looks cut short, with a whole one after it, was altered: a torn write leaves nothing whole after
        // it.
        boolean wholeAfter = (outcome.stop() == ChainWalk.Stop.TORN || outcome.stop() == ChainWalk.Stop.CORRUPT)
                && TornWrite.wholeFrameAfter(channel, outcome.position(), size, expected);
        return switch (outcome.stop()) {
            case TORN ->
                new Break(
                        expected,
                        segment.name(),
                        wholeAfter ? Kind.ALTERED : last ? Kind.TORN : Kind.REMOVED,
                        wholeAfter
                                ? "the frame at byte " + outcome.position()
                                        + " has a length past the end of the segment," + " and whole entries follow it"
                                : "the segment ends inside a frame at byte " + outcome.position()
                                        + (last ? "" : ", and it is not the last segment: its end was cut off"));
            case CORRUPT ->
                new Break(
                        expected,
                        segment.name(),
                        !wholeAfter && last && found.length() > 0 && found.end() >= size ? Kind.TORN : Kind.ALTERED,
                        "the frame at byte " + outcome.position() + " has a wrong length or checksum"
                                + (wholeAfter ? ", and whole entries follow it" : ""));
            case GAP -> {
                // A swapped pair shows first as a gap: the missing entry comes right after.
                FrameReader.Read after = new FrameReader(channel, found.end(), size).next(false);
                boolean swapped = after.kind() == FrameReader.Kind.ENTRY && after.sequence() == expected;
                yield new Break(
                        expected,
                        segment.name(),
                        swapped ? Kind.REORDERED : Kind.REMOVED,
                        "sequence " + found.sequence() + " is at byte " + outcome.position() + " where " + expected
                                + " should be" + (swapped ? ", and " + expected + " follows it" : ""));
            }
            case BACKWARD ->
                new Break(
                        found.sequence(),
                        segment.name(),
                        Kind.REORDERED,
                        "sequence " + found.sequence() + " is at byte " + outcome.position() + " where " + expected
                                + " should be");
            case CHAIN ->
                new Break(
                        expected - 1,
                        walk.lastSegment() == null ? segment.name() : walk.lastSegment(),
                        Kind.ALTERED,
                        "entry " + expected + " does not chain on it: its content (or the link of " + expected
                                + ") was changed");
            case END -> throw new IllegalStateException("not a break");
        };
    }
}
