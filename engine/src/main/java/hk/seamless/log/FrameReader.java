package hk.seamless.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the frames of one segment in order through a buffer, so that a replay of many small
 * entries costs a read per megabyte, not two per entry. It reports what it finds and judges
 * nothing beyond the frame itself: sequences and the chain are the caller's to check.
 */
final class FrameReader {

    enum Kind {
        /** A whole frame whose checksum matches. */
        ENTRY,
        /** The segment ends exactly after the last frame. */
        END,
        /** The segment ends inside a frame: a write cut short. */
        TORN,
        /** A frame whose length is impossible or whose checksum does not match. */
        CORRUPT
    }

    /** What was found at {@code position}; for an ENTRY, {@code payload} is null when it was skipped. */
    record Read(
            Kind kind, long position, long sequence, long atMillis, byte[] previousHash, byte[] payload, int length) {

        long end() {
            return position + Frame.HEADER + length;
        }
    }

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer;
    /** The file offset of the buffer's first byte. */
    private long bufferStart;

    private long position;

    FrameReader(FileChannel channel, long position) throws IOException {
        this(channel, position, channel.size());
    }

    /** @param size read no further than this (a reader stops where the writer had got to) */
    FrameReader(FileChannel channel, long position, long size) {
        this.channel = channel;
        this.size = size;
        this.position = position;
        this.bufferStart = position;
        // A megabyte for a walk; just the frame for a read of one entry.
        this.buffer = ByteBuffer.allocate((int) Math.max(Frame.HEADER, Math.min(1 << 20, size - position)));
        buffer.limit(0);
    }

    long position() {
        return position;
    }

    /** The next frame; with {@code withPayload} false its payload is skipped and not checked. */
    Read next(boolean withPayload) throws IOException {
        return next(withPayload ? Long.MIN_VALUE : Long.MAX_VALUE);
    }

    /** The next frame, its payload read and checked only from sequence {@code payloadFrom} on. */
    Read next(long payloadFrom) throws IOException {
        long at = position;
        if (at == size) {
            return new Read(Kind.END, at, 0, 0, null, null, 0);
        }
        if (!ensure(Frame.HEADER)) {
            return new Read(Kind.TORN, at, 0, 0, null, null, 0);
        }
        int length = buffer.getInt();
        int crc = buffer.getInt();
        long sequence = buffer.getLong();
        long atMillis = buffer.getLong();
        byte[] previous = new byte[Frame.HASH];
        buffer.get(previous);
        if (length <= 0 || length > Frame.MAX_PAYLOAD) {
            return new Read(Kind.CORRUPT, at, sequence, atMillis, previous, null, 0);
        }
        if (at + Frame.HEADER + length > size) {
            return new Read(Kind.TORN, at, sequence, atMillis, previous, null, length);
        }
        // A skipped payload needs no work: the next header is found in the buffer or read afresh.
        byte[] payload = null;
        if (sequence >= payloadFrom) {
            payload = new byte[length];
            readInto(payload);
            if (Frame.crc(sequence, atMillis, previous, payload) != crc) {
                return new Read(Kind.CORRUPT, at, sequence, atMillis, previous, null, length);
            }
        }
        position = at + Frame.HEADER + length;
        return new Read(Kind.ENTRY, at, sequence, atMillis, previous, payload, length);
    }

    /** Makes {@code n} bytes at {@link #position} available in the buffer; false at the end of the file. */
    private boolean ensure(int n) throws IOException {
        if (position + n > size) {
            return false;
        }
        int offset = (int) (position - bufferStart);
        if (offset >= 0 && offset + n <= buffer.limit()) {
            buffer.position(offset);
            return true;
        }
        buffer.clear();
        bufferStart = position;
        long want = Math.min(buffer.capacity(), size - position);
        buffer.limit((int) want);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, bufferStart + buffer.position());
            if (read < 0) {
                break;
            }
        }
        buffer.flip();
        buffer.position(0);
        return buffer.limit() >= n;
    }

    private void readInto(byte[] payload) throws IOException {
        long from = position + Frame.HEADER;
        int offset = (int) (from - bufferStart);
        int inBuffer = Math.max(0, Math.min(payload.length, buffer.limit() - offset));
        if (inBuffer > 0) {
            buffer.position(offset);
            buffer.get(payload, 0, inBuffer);
        }
        ByteBuffer rest = ByteBuffer.wrap(payload, inBuffer, payload.length - inBuffer);
        while (rest.hasRemaining()) {
            if (channel.read(rest, from + rest.position()) < 0) {
                throw new IOException("the segment shrank while being read");
            }
        }
    }
}
