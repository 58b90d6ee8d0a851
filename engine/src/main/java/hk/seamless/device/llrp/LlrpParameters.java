package hk.seamless.device.llrp;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the parameters this client needs out of a reader's messages: the LLRPStatus of a response,
 * the ConnectionAttemptEvent of a notification, the TagReportData of a report. TLV parameters it
 * does not need are skipped by their length; a TV parameter of unknown type cannot be skipped (its
 * size is in the specification, not the frame), so it makes the message malformed.
 */
public final class LlrpParameters {

    /** The sizes of the TV parameters' values, by type (LLRP 1.0.1, section 16.2.7.3); -1: not a TV type. */
    private static final int[] TV_SIZES = new int[128];

    static {
        java.util.Arrays.fill(TV_SIZES, -1);
        int[][] sizes = {
            {1, 2}, {2, 8}, {3, 8}, {4, 8}, {5, 8}, {6, 1}, {7, 2}, {8, 2}, {9, 4}, {10, 2}, {11, 2}, {12, 2}, {13, 12},
            {14, 2}, {15, 2}, {16, 4}, {17, 4}, {18, 2}
        };
        for (int[] s : sizes) {
            TV_SIZES[s[0]] = s[1];
        }
    }

    /** The status a reader answered with. */
    public record Status(int code, String description) {
        public boolean success() {
            return code == 0;
        }
    }

    private LlrpParameters() {}

    public static Status status(byte[] payload) throws MalformedLlrpException {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            while (in.remaining() >= 4) {
                int start = in.position();
                int type = in.getShort() & 0x3FF;
                int length = in.getShort() & 0xFFFF;
                checkLength(in, start, length);
                if (type == LlrpMessages.LLRP_STATUS) {
                    int code = in.getShort() & 0xFFFF;
                    byte[] text = new byte[in.getShort() & 0xFFFF];
                    in.get(text);
                    return new Status(code, new String(text, StandardCharsets.UTF_8));
                }
                in.position(start + length);
            }
        } catch (BufferUnderflowException e) {
            throw new MalformedLlrpException("an LLRPStatus cut short");
        }
        throw new MalformedLlrpException("a response without an LLRPStatus");
    }

    /** The status of a READER_EVENT_NOTIFICATION's ConnectionAttemptEvent (0: success), or -1 when it has none. */
    public static int connectionAttempt(byte[] payload) throws MalformedLlrpException {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            while (in.remaining() >= 4) {
                int start = in.position();
                int type = in.getShort() & 0x3FF;
                int length = in.getShort() & 0xFFFF;
                checkLength(in, start, length);
                if (type == LlrpMessages.CONNECTION_ATTEMPT_EVENT) {
                    return in.getShort() & 0xFFFF;
                }
                // ReaderEventNotificationData holds the event: look inside it, skip anything else.
                if (type != LlrpMessages.READER_EVENT_NOTIFICATION_DATA) {
                    in.position(start + length);
                }
            }
            return -1;
        } catch (BufferUnderflowException e) {
            throw new MalformedLlrpException("a reader event cut short");
        }
    }

    /** The tags of an RO_ACCESS_REPORT. */
    public static List<TagReport> tagReports(byte[] payload) throws MalformedLlrpException {
        List<TagReport> tags = new ArrayList<>();
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            while (in.hasRemaining()) {
                int start = in.position();
                int type = in.getShort() & 0x3FF;
                int length = in.getShort() & 0xFFFF;
                checkLength(in, start, length);
                if (type == LlrpMessages.TAG_REPORT_DATA) {
                    tags.add(tag(ByteBuffer.wrap(payload, start + 4, length - 4).slice()));
                }
                in.position(start + length);
            }
        } catch (BufferUnderflowException e) {
            throw new MalformedLlrpException("a tag report cut short");
        }
        return tags;
    }

    private static TagReport tag(ByteBuffer in) throws MalformedLlrpException {
        String epc = null;
        int antenna = 0;
        Integer rssi = null;
        long firstSeen = 0;
        while (in.hasRemaining()) {
            int start = in.position();
            int first = in.get() & 0xFF;
            if ((first & 0x80) != 0) {
                int type = first & 0x7F;
                int size = TV_SIZES[type];
                if (size < 0) {
                    throw new MalformedLlrpException("a TV parameter of unknown type " + type);
                }
                switch (type) {
                    case LlrpMessages.TV_EPC_96 -> {
                        byte[] b = new byte[12];
                        in.get(b);
                        epc = HexFormat.of().withUpperCase().formatHex(b);
                    }
                    case LlrpMessages.TV_ANTENNA_ID -> antenna = in.getShort() & 0xFFFF;
                    case LlrpMessages.TV_PEAK_RSSI -> rssi = (int) in.get();
                    case LlrpMessages.TV_FIRST_SEEN_UTC -> firstSeen = in.getLong();
                    default -> in.position(in.position() + size);
                }
                continue;
            }
            in.position(start);
            int type = in.getShort() & 0x3FF;
            int length = in.getShort() & 0xFFFF;
            checkLength(in, start, length);
            if (type == LlrpMessages.EPC_DATA) {
                int bits = in.getShort() & 0xFFFF;
                if (bits == 0 || bits % 8 != 0 || (bits / 8) + 6 > length) {
                    throw new MalformedLlrpException("an EPCData of " + bits + " bits");
                }
                byte[] b = new byte[bits / 8];
                in.get(b);
                epc = HexFormat.of().withUpperCase().formatHex(b);
            }
            in.position(start + length);
        }
        if (epc == null) {
            throw new MalformedLlrpException("a TagReportData without an EPC");
        }
        return new TagReport(epc, antenna, rssi, firstSeen);
    }

    private static void checkLength(ByteBuffer in, int start, int length) throws MalformedLlrpException {
        if (length < 4 || start + length > in.limit()) {
            throw new MalformedLlrpException("a parameter length of " + length + " bytes");
        }
    }
}
