package hk.seamless.lanesim.devices;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The reader's side of LLRP 1.0.1, as much as the emulator needs, written apart from the engine's
 * client codec on purpose: an emulator built on the client's own code would agree with any mistake
 * in it. A message is a 10-byte header (3 reserved bits, 3 bits of version, 10 of message type; the
 * whole length; a message id) and parameters: TLV ones with a 16-bit type and a 16-bit length that
 * counts their own header, TV ones a byte with the top bit set and a value of fixed size.
 */
public final class LlrpWire {

    public static final int GET_READER_CAPABILITIES = 1;
    public static final int CLOSE_CONNECTION_RESPONSE = 4;
    public static final int GET_READER_CAPABILITIES_RESPONSE = 11;
    public static final int CLOSE_CONNECTION = 14;
    public static final int ADD_ROSPEC = 20;
    public static final int DELETE_ROSPEC = 21;
    public static final int START_ROSPEC = 22;
    public static final int ENABLE_ROSPEC = 24;
    public static final int ADD_ROSPEC_RESPONSE = 30;
    public static final int DELETE_ROSPEC_RESPONSE = 31;
    public static final int START_ROSPEC_RESPONSE = 32;
    public static final int ENABLE_ROSPEC_RESPONSE = 34;
    public static final int RO_ACCESS_REPORT = 61;
    public static final int KEEPALIVE = 62;
    public static final int READER_EVENT_NOTIFICATION = 63;
    public static final int KEEPALIVE_ACK = 72;

    private static final int VERSION = 1;
    private static final int HEADER = 10;
    private static final int MAX_LENGTH = 1 << 20;
    private static final int LLRP_STATUS = 287;
    private static final int TAG_REPORT_DATA = 240;
    private static final int EPC_DATA = 241;
    private static final int READER_EVENT_NOTIFICATION_DATA = 246;
    private static final int UTC_TIMESTAMP = 128;
    private static final int CONNECTION_ATTEMPT_EVENT = 256;
    private static final int TV_ANTENNA_ID = 1;
    private static final int TV_FIRST_SEEN_UTC = 2;
    private static final int TV_PEAK_RSSI = 6;
    private static final int TV_EPC_96 = 13;

    private LlrpWire() {}

    /** A message's header as read: its type and id (the parameters are skipped). */
    public record Header(int type, int messageId) {}

    /** Reads one whole message from a client; what cannot be LLRP ends the session. */
    public static Header read(DataInputStream in) throws IOException {
        int first = in.readUnsignedShort();
        long length = in.readInt() & 0xFFFFFFFFL;
        if (((first >> 10) & 0x7) != VERSION || length < HEADER || length > MAX_LENGTH) {
            throw new IOException(
                    "not an LLRP 1.0.1 message (version " + ((first >> 10) & 0x7) + ", length " + length + ")");
        }
        int messageId = in.readInt();
        in.readFully(new byte[(int) length - HEADER]);
        return new Header(first & 0x3FF, messageId);
    }

    public static byte[] message(int type, int messageId, byte[] parameters) {
        return ByteBuffer.allocate(HEADER + parameters.length)
                .putShort((short) ((VERSION << 10) | (type & 0x3FF)))
                .putInt(HEADER + parameters.length)
                .putInt(messageId)
                .put(parameters)
                .array();
    }

    /** A response whose LLRPStatus says success (code 0). */
    public static byte[] success(int type, int messageId) {
        ByteBuffer out = ByteBuffer.allocate(16);
        int status = open(out, LLRP_STATUS);
        out.putShort((short) 0).putShort((short) 0);
        close(out, status);
        return message(type, messageId, bytes(out));
    }

    /** READER_EVENT_NOTIFICATION with a successful ConnectionAttemptEvent: what a reader says first. */
    public static byte[] connectionAttempt(int messageId, long utcMicros) {
        ByteBuffer out = ByteBuffer.allocate(64);
        int data = open(out, READER_EVENT_NOTIFICATION_DATA);
        int time = open(out, UTC_TIMESTAMP);
        out.putLong(utcMicros);
        close(out, time);
        int attempt = open(out, CONNECTION_ATTEMPT_EVENT);
        out.putShort((short) 0);
        close(out, attempt);
        close(out, data);
        return message(READER_EVENT_NOTIFICATION, messageId, bytes(out));
    }

    /** RO_ACCESS_REPORT of one tag: EPC-96 when it is 24 hex digits (else EPCData), antenna, peak RSSI, first seen. */
    public static byte[] tagReport(int messageId, String epc, int antenna, int peakRssi, long firstSeenMicros) {
        byte[] id = HexFormat.of().parseHex(epc);
        ByteBuffer out = ByteBuffer.allocate(64 + id.length);
        int data = open(out, TAG_REPORT_DATA);
        if (id.length == 12) {
            out.put((byte) (0x80 | TV_EPC_96)).put(id);
        } else {
            int epcData = open(out, EPC_DATA);
            out.putShort((short) (id.length * 8)).put(id);
            close(out, epcData);
        }
        out.put((byte) (0x80 | TV_ANTENNA_ID)).putShort((short) antenna);
        out.put((byte) (0x80 | TV_PEAK_RSSI)).put((byte) peakRssi);
        out.put((byte) (0x80 | TV_FIRST_SEEN_UTC)).putLong(firstSeenMicros);
        close(out, data);
        return message(RO_ACCESS_REPORT, messageId, bytes(out));
    }

    public static byte[] keepalive(int messageId) {
        return message(KEEPALIVE, messageId, new byte[0]);
    }

    private static int open(ByteBuffer out, int type) {
        int at = out.position();
        out.putShort((short) (type & 0x3FF)).putShort((short) 0);
        return at;
    }

    private static void close(ByteBuffer out, int at) {
        out.putShort(at + 2, (short) (out.position() - at));
    }

    private static byte[] bytes(ByteBuffer out) {
        byte[] b = new byte[out.position()];
        out.get(0, b);
        return b;
    }
}
