package hk.seamless.lanesim;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The little of RFC 6455 the floor server needs: the handshake's accept key, and text, ping,
 * pong and close frames, reassembling fragmented messages. Server frames are unmasked; client
 * frames must be masked (and are unmasked here).
 */
final class WsFrames {

    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    static final int TEXT = 0x1;
    static final int CONTINUATION = 0x0;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    /** Larger messages are refused: no lane message comes near it. */
    static final int MAX_MESSAGE = 1 << 20;

    private WsFrames() {
    }

    /** One frame read from the wire (payload already unmasked). */
    record Frame(boolean fin, int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    static String acceptKey(String secWebSocketKey) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((secWebSocketKey.strip() + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A whole, unmasked server frame. */
    static byte[] encode(int opcode, byte[] payload) {
        return encode(opcode, payload, null);
    }

    /** A whole frame, masked with {@code mask} (4 bytes) when given, as a client must send. */
    static byte[] encode(int opcode, byte[] payload, byte[] mask) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
        out.write(0x80 | opcode);
        int maskBit = mask == null ? 0 : 0x80;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(maskBit | 127);
            long n = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (n >>> shift) & 0xFF);
            }
        }
        if (mask == null) {
            out.writeBytes(payload);
        } else {
            out.writeBytes(mask);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i & 3]);
            }
        }
        return out.toByteArray();
    }

    static byte[] text(String text) {
        return encode(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one frame; throws EOFException at the end of the stream. */
    static Frame read(InputStream in) throws IOException {
        int b0 = readByte(in);
        int b1 = readByte(in);
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        boolean masked = (b1 & 0x80) != 0;
        long length = b1 & 0x7F;
        if (length == 126) {
            length = (readByte(in) << 8) | readByte(in);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte(in);
            }
        }
        if (length > MAX_MESSAGE) {
            throw new IOException("frame of " + length + " bytes is too large");
        }
        byte[] mask = masked ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length || (mask != null && mask.length != 4)) {
            throw new EOFException("connection closed inside a frame");
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame(fin, opcode, payload);
    }

    /**
     * Reads frames until a whole message (or a control frame) is in: a text message's fragments
     * are joined; pings, pongs and closes come back as they are.
     */
    static Frame readMessage(InputStream in) throws IOException {
        Frame first = read(in);
        if (first.fin() || first.opcode() >= CLOSE) {
            return first;
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.writeBytes(first.payload());
        while (true) {
            Frame next = read(in);
            if (next.opcode() >= CLOSE) {
                continue; // a control frame between fragments: a floor server may ignore it
            }
            joined.writeBytes(next.payload());
            if (joined.size() > MAX_MESSAGE) {
                throw new IOException("message too large");
            }
            if (next.fin()) {
                return new Frame(true, first.opcode(), joined.toByteArray());
            }
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }
}
