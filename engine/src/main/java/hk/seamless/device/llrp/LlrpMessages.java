package hk.seamless.device.llrp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the LLRP messages a client sends, and (for emulators and tests) those a reader sends, byte
 * for byte as LLRP 1.0.1 lays them out: TLV parameters have a 16-bit type (6 reserved bits) and a
 * 16-bit length that counts the parameter's own header; TV parameters are a byte with the top bit
 * set and a 7-bit type, then a value of fixed size.
 */
public final class LlrpMessages {

    static final int LLRP_STATUS = 287;
    static final int RO_SPEC = 177;
    static final int RO_BOUNDARY_SPEC = 178;
    static final int RO_SPEC_START_TRIGGER = 179;
    static final int RO_SPEC_STOP_TRIGGER = 182;
    static final int AI_SPEC = 183;
    static final int AI_SPEC_STOP_TRIGGER = 184;
    static final int INVENTORY_PARAMETER_SPEC = 186;
    static final int RO_REPORT_SPEC = 237;
    static final int TAG_REPORT_CONTENT_SELECTOR = 238;
    static final int TAG_REPORT_DATA = 240;
    static final int EPC_DATA = 241;
    static final int READER_EVENT_NOTIFICATION_DATA = 246;
    static final int UTC_TIMESTAMP = 128;
    static final int CONNECTION_ATTEMPT_EVENT = 256;
    static final int TV_ANTENNA_ID = 1;
    static final int TV_FIRST_SEEN_UTC = 2;
    static final int TV_PEAK_RSSI = 6;
    static final int TV_EPC_96 = 13;
    /** ROReportTrigger "upon N TagReportData or end of ROSpec", N = 1: each tag is reported as it is seen. */
    private static final int REPORT_UPON_N_TAGS = 2;
    /** TagReportContentSelector: AntennaID, PeakRSSI and FirstSeenTimestamp enabled (bits 12, 10, 9 of 16). */
    private static final int CONTENT_ANTENNA_RSSI_FIRST_SEEN = (1 << 12) | (1 << 10) | (1 << 9);

    private static final int PROTOCOL_EPC_CLASS1_GEN2 = 1;

    private LlrpMessages() {}

    /** GET_READER_CAPABILITIES with RequestedData = All. */
    public static LlrpFrame getReaderCapabilities(int messageId) {
        return new LlrpFrame(LlrpMessageType.GET_READER_CAPABILITIES, messageId, new byte[] {0});
    }

    /** DELETE_ROSPEC; ROSpecID 0 deletes every ROSpec the reader holds (stale ones from a previous session). */
    public static LlrpFrame deleteRoSpec(int messageId, int roSpecId) {
        return new LlrpFrame(
                LlrpMessageType.DELETE_ROSPEC,
                messageId,
                ByteBuffer.allocate(4).putInt(roSpecId).array());
    }

    public static LlrpFrame enableRoSpec(int messageId, int roSpecId) {
        return new LlrpFrame(
                LlrpMessageType.ENABLE_ROSPEC,
                messageId,
                ByteBuffer.allocate(4).putInt(roSpecId).array());
    }

    public static LlrpFrame startRoSpec(int messageId, int roSpecId) {
        return new LlrpFrame(
                LlrpMessageType.START_ROSPEC,
                messageId,
                ByteBuffer.allocate(4).putInt(roSpecId).array());
    }

    public static LlrpFrame keepaliveAck(int messageId) {
        return new LlrpFrame(LlrpMessageType.KEEPALIVE_ACK, messageId, new byte[0]);
    }

    /**
     * ADD_ROSPEC: one ROSpec, started by START_ROSPEC and never stopping by itself, one AISpec over
     * the given antennas (none given: all, antenna id 0) inventorying EPC Class 1 Gen 2 tags, and a
     * report for every tag as it is seen, with its antenna, peak RSSI and first-seen time.
     */
    public static LlrpFrame addRoSpec(int messageId, int roSpecId, List<Integer> antennas) {
        List<Integer> ids = antennas.isEmpty() ? List.of(0) : antennas;
        ByteBuffer spec = ByteBuffer.allocate(512);
        int roSpec = open(spec, RO_SPEC);
        spec.putInt(roSpecId).put((byte) 0).put((byte) 0); // priority 0, current state Disabled
        int boundary = open(spec, RO_BOUNDARY_SPEC);
        int start = open(spec, RO_SPEC_START_TRIGGER);
        spec.put((byte) 0); // null trigger: START_ROSPEC starts it
        close(spec, start);
        int stop = open(spec, RO_SPEC_STOP_TRIGGER);
        spec.put((byte) 0).putInt(0); // null trigger: runs until stopped
        close(spec, stop);
        close(spec, boundary);
        int ai = open(spec, AI_SPEC);
        spec.putShort((short) ids.size());
        ids.forEach(id -> spec.putShort(id.shortValue()));
        int aiStop = open(spec, AI_SPEC_STOP_TRIGGER);
        spec.put((byte) 0).putInt(0);
        close(spec, aiStop);
        int inventory = open(spec, INVENTORY_PARAMETER_SPEC);
        spec.putShort((short) 1).put((byte) PROTOCOL_EPC_CLASS1_GEN2);
        close(spec, inventory);
        close(spec, ai);
        int report = open(spec, RO_REPORT_SPEC);
        spec.put((byte) REPORT_UPON_N_TAGS).putShort((short) 1);
        int content = open(spec, TAG_REPORT_CONTENT_SELECTOR);
        spec.putShort((short) CONTENT_ANTENNA_RSSI_FIRST_SEEN);
        close(spec, content);
        close(spec, report);
        close(spec, roSpec);
        return new LlrpFrame(LlrpMessageType.ADD_ROSPEC, messageId, bytes(spec));
    }

    // ---- what a reader sends (emulators, tests) ----

    /** A response message whose first parameter is LLRPStatus: code 0 is success. */
    public static LlrpFrame response(int type, int messageId, int statusCode, String description) {
        ByteBuffer out = ByteBuffer.allocate(64 + description.length() * 3);
        status(out, statusCode, description);
        return new LlrpFrame(type, messageId, bytes(out));
    }

    /** READER_EVENT_NOTIFICATION with a ConnectionAttemptEvent: what a reader says first on a new connection. */
    public static LlrpFrame connectionAttempt(int messageId, long utcMicros, int status) {
        ByteBuffer out = ByteBuffer.allocate(64);
        int data = open(out, READER_EVENT_NOTIFICATION_DATA);
        int time = open(out, UTC_TIMESTAMP);
        out.putLong(utcMicros);
        close(out, time);
        int attempt = open(out, CONNECTION_ATTEMPT_EVENT);
        out.putShort((short) status);
        close(out, attempt);
        close(out, data);
        return new LlrpFrame(LlrpMessageType.READER_EVENT_NOTIFICATION, messageId, bytes(out));
    }

    /** RO_ACCESS_REPORT of tags, each as an EPC-96 (24 hex digits) or an EPCData of any length. */
    public static LlrpFrame roAccessReport(int messageId, List<TagReport> tags) {
        ByteBuffer out = ByteBuffer.allocate(64 + tags.size() * 96);
        for (TagReport tag : tags) {
            int data = open(out, TAG_REPORT_DATA);
            byte[] epc = hex(tag.epc());
            if (epc.length == 12) {
                out.put((byte) (0x80 | TV_EPC_96)).put(epc);
            } else {
                int epcData = open(out, EPC_DATA);
                out.putShort((short) (epc.length * 8)).put(epc);
                close(out, epcData);
            }
            out.put((byte) (0x80 | TV_ANTENNA_ID)).putShort((short) tag.antenna());
            if (tag.peakRssi() != null) {
                out.put((byte) (0x80 | TV_PEAK_RSSI)).put(tag.peakRssi().byteValue());
            }
            out.put((byte) (0x80 | TV_FIRST_SEEN_UTC)).putLong(tag.firstSeenMicros());
            close(out, data);
        }
        return new LlrpFrame(LlrpMessageType.RO_ACCESS_REPORT, messageId, bytes(out));
    }

    static void status(ByteBuffer out, int code, String description) {
        int status = open(out, LLRP_STATUS);
        byte[] text = description.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) code).putShort((short) text.length).put(text);
        close(out, status);
    }

    /** Starts a TLV parameter; returns where it starts, for {@link #close}. */
    static int open(ByteBuffer out, int type) {
        int at = out.position();
        out.putShort((short) (type & 0x3FF)).putShort((short) 0);
        return at;
    }

    static void close(ByteBuffer out, int at) {
        out.putShort(at + 2, (short) (out.position() - at));
    }

    private static byte[] bytes(ByteBuffer out) {
        byte[] b = new byte[out.position()];
        out.get(0, b);
        return b;
    }

    static byte[] hex(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
