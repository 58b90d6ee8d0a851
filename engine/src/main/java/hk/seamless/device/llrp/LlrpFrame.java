package hk.seamless.device.llrp;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One LLRP message as it travels (LLRP 1.0.1/1.1, section 15.1): a 10-byte header (3 reserved bits,
 * 3 bits of version, 10 bits of message type; the length of the whole message; a message id), then
 * the message's parameters. Frames longer than {@link #MAX_LENGTH} are refused: a reader that sends
 * one is not to be trusted with the engine's memory.
 */
public record LlrpFrame(int type, int messageId, byte[] payload) {

    public static final int VERSION = 1;
    public static final int HEADER = 10;
    public static final int MAX_LENGTH = 1 << 20;

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length);
        out.putShort((short) ((VERSION << 10) | (type & 0x3FF)));
        out.putInt(HEADER + payload.length);
        out.putInt(messageId);
        out.put(payload);
        return out.array();
    }

    /** Reads one frame; a header that cannot be LLRP is a {@link MalformedLlrpException} (the stream is lost). */
    public static LlrpFrame read(DataInputStream in) throws IOException {
        int first;
        try {
            first = in.readUnsignedShort();
        } catch (EOFException closed) {
            throw closed;
        }
        int version = (first >> 10) & 0x7;
        if (version != VERSION && version != 2) {
            throw new MalformedLlrpException("LLRP version " + version + " (this client speaks version 1)");
        }
        long length = in.readInt() & 0xFFFFFFFFL;
        if (length < HEADER || length > MAX_LENGTH) {
            throw new MalformedLlrpException("a message length of " + length + " bytes");
        }
        int messageId = in.readInt();
        byte[] payload = new byte[(int) length - HEADER];
        in.readFully(payload);
        return new LlrpFrame(first & 0x3FF, messageId, payload);
    }
}
