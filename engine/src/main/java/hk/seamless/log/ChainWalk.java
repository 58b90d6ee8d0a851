package hk.seamless.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Walks entries segment after segment, checking what makes the log trustworthy: each frame whole
 * and its checksum right, each sequence the one after the last, each entry chained on the hash of
 * the one before. It stops at the first thing wrong and says what and where; the log's opening
 * and the verifier decide what that means.
 */
final class ChainWalk {

    enum Stop {
        /** The segment ended after a whole entry. */
        END,
        /** The segment ends inside a frame. */
        TORN,
        /** A frame with an impossible length or a wrong checksum. */
        CORRUPT,
        /** A sequence later than the next one: entries are missing. */
        GAP,
        /** A sequence earlier than the next one: entries out of order, or repeated. */
        BACKWARD,
        /** The right sequence, but not chained on the entry before: that entry was changed. */
        CHAIN
    }

    /** Where and why the walk of a segment stopped; {@code found} is the frame there, if any. */
    record Outcome(Stop stop, long position, FrameReader.Read found) {}

    @FunctionalInterface
    interface Visitor {
        void entry(LogEntry entry, byte[] hash);
    }

    private final MessageDigest sha = Frame.sha256();
    private long next;
    private byte[] hash;
    private String lastSegment;
    private long lastPosition = -1;
    private long lastEnd;
    private long lastAt;
    private long walked;

    /** @param next the sequence the first entry must have; @param previousHash the hash it must chain on */
    ChainWalk(long next, byte[] previousHash) {
        this.next = next;
        this.hash = previousHash.clone();
    }

    Outcome walk(Segment segment, FileChannel channel, long from, long size, Visitor visitor) throws IOException {
        FrameReader frames = new FrameReader(channel, from, size);
        while (true) {
            FrameReader.Read read = frames.next(true);
            switch (read.kind()) {
                case END:
                    return new Outcome(Stop.END, read.position(), null);
                case TORN:
                    return new Outcome(Stop.TORN, read.position(), read);
                case CORRUPT:
                    return new Outcome(Stop.CORRUPT, read.position(), read);
                default:
                    break;
            }
            if (read.sequence() > next) {
                return new Outcome(Stop.GAP, read.position(), read);
            }
            if (read.sequence() < next) {
                return new Outcome(Stop.BACKWARD, read.position(), read);
            }
            if (!Arrays.equals(read.previousHash(), hash)) {
                return new Outcome(Stop.CHAIN, read.position(), read);
            }
            hash = Frame.hash(sha, hash, read.sequence(), read.atMillis(), read.payload());
            lastSegment = segment.name();
            lastPosition = read.position();
            lastEnd = read.end();
            lastAt = read.atMillis();
            next++;
            walked++;
            visitor.entry(
                    new LogEntry(read.sequence(), read.atMillis(), read.payload(), segment.name(), read.position()),
                    hash);
        }
    }

    /** The sequence the next entry must have. */
    long next() {
        return next;
    }

    /** The hash of the last entry walked (or the one the walk started from). */
    byte[] hash() {
        return hash;
    }

    long walked() {
        return walked;
    }

    /** The segment of the last entry walked, or null if none was. */
    String lastSegment() {
        return lastSegment;
    }

    long lastPosition() {
        return lastPosition;
    }

    long lastEnd() {
        return lastEnd;
    }

    long lastAt() {
        return lastAt;
    }
}
