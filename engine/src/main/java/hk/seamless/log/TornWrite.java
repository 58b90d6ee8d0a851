package hk.seamless.log;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Whether the damage a start found at the end of the last segment is what a write cut short by a
 * crash leaves, and so may be cut off: a frame the file ends inside, or one whose bytes never all
 * reached the disk, with nothing whole after it. A whole frame found after the damage (its checksum
 * right, its sequence one still to come) means entries that were written, and perhaps acknowledged,
 * lie beyond a damaged one: that is damage, never a torn tail, and the start must stop rather than
 * drop them. So is a whole frame out of sequence or off the chain: a cut-short write is not whole.
 */
final class TornWrite {

    /** How far past the expected sequence a frame found by scanning may be and still count as one of this log's. */
    private static final long SEQUENCE_REACH = 1L << 32;

    private TornWrite() {}

    static boolean explains(FileChannel channel, ChainWalk.Outcome outcome, long size, long expectedSequence)
            throws IOException {
        return switch (outcome.stop()) {
            case TORN, CORRUPT -> !wholeFrameAfter(channel, outcome.position(), size, expectedSequence);
            case END -> true;
            case GAP, BACKWARD, CHAIN -> false;
        };
    }

    /** Looks at every byte offset after {@code position}: a damaged length says nothing of where the next frame starts. */
    static boolean wholeFrameAfter(FileChannel channel, long position, long size, long fromSequence)
            throws IOException {
        long span = size - position;
        if (span <= Frame.HEADER) {
            return false;
        }
        MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, position, span);
        for (int at = 1; at + Frame.HEADER < span; at++) {
            int length = bytes.getInt(at);
            if (length <= 0 || length > span - at - Frame.HEADER) {
                continue;
            }
            long sequence = bytes.getLong(at + 8);
            if (sequence < fromSequence || sequence - fromSequence > SEQUENCE_REACH) {
                continue;
            }
            byte[] previousHash = new byte[Frame.HASH];
            bytes.get(at + 24, previousHash);
            byte[] payload = new byte[length];
            bytes.get(at + Frame.HEADER, payload);
            if (Frame.crc(sequence, bytes.getLong(at + 16), previousHash, payload) == bytes.getInt(at + 4)) {
                return true;
            }
        }
        return false;
    }
}
