package hk.seamless.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Where the chain starts once the oldest segments were deleted by the archive retention: the first
 * sequence kept and the hash its entry chains on. Without it a log not starting at sequence 1
 * could not be told from one whose first segments were removed.
 */
record ArchiveStart(long sequence, byte[] previousHash) {

    static final String FILE = "archive-start";

    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("sequence", Long.toString(sequence));
        p.setProperty("previousHash", Frame.hex(previousHash));
        DurableFile.write(dir.resolve(FILE), p);
    }

    static ArchiveStart read(Path dir) {
        Properties p = DurableFile.read(dir.resolve(FILE));
        if (p == null) {
            return null;
        }
        try {
            return new ArchiveStart(
                    Long.parseLong(p.getProperty("sequence")), HexFormat.of().parseHex(p.getProperty("previousHash")));
        } catch (RuntimeException e) {
            throw new LogDamageException(dir.resolve(FILE) + " cannot be read: " + e.getMessage());
        }
    }

    /** The first frame of a segment (payload skipped), or null when it has none. */
    static FrameReader.Read firstFrame(Segment segment) throws IOException {
        try (FileChannel channel = FileChannel.open(segment.file(), StandardOpenOption.READ)) {
            FrameReader.Read read = new FrameReader(channel, 0).next(false);
            return read.kind() == FrameReader.Kind.ENTRY ? read : null;
        }
    }

    /**
     * Where a walk of the whole log begins: the index of the first segment to read and the hash its
     * first entry chains on (zeros at sequence 1). Segments before the archive start are the
     * leftovers of an interrupted deletion, not part of the chain.
     */
    record Start(int index, long sequence, byte[] previousHash) {}

    static Start of(Path dir, List<Segment> segments) {
        if (segments.isEmpty() || segments.get(0).firstSequence() == 1) {
            return new Start(0, 1, Frame.ZERO_HASH);
        }
        ArchiveStart start = read(dir);
        if (start == null) {
            throw new LogDamageException(
                    "the log " + dir + " starts at sequence " + segments.get(0).firstSequence() + " (segment "
                            + segments.get(0).name() + ") and has no " + FILE + ": its first segments were removed");
        }
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).firstSequence() == start.sequence()) {
                return new Start(i, start.sequence(), start.previousHash());
            }
        }
        throw new LogDamageException("the log " + dir + " has no segment starting at sequence " + start.sequence()
                + ", where " + FILE + " says the archive begins");
    }
}
