package hk.seamless.device.llrp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LLRP messages against frames assembled by hand from the layouts of the LLRP 1.0.1
 * specification (message header 15.1; ROSpec 16.2.4.1; TagReportData 16.2.7.3; LLRPStatus 16.2.8.1).
 */
class LlrpCodecTest {

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    @Test
    void addRoSpecIsLaidOutAsTheSpecificationSays() {
        byte[] expected = hex(
                "0414 0000004B 00000007" // version 1, type 20; 75 bytes; message id 7
                        + " 00B1 0041 000005EB 00 00" // ROSpec: id 1515, priority 0, Disabled
                        + " 00B2 0012 00B3 0005 00 00B6 0009 00 00000000" // ROBoundarySpec: null start and stop
                        // triggers
                        + " 00B7 0018 0001 0001" // AISpec: one antenna, id 1
                        + " 00B8 0009 00 00000000" // AISpecStopTrigger: null
                        + " 00BA 0007 0001 01" // InventoryParameterSpec 1, EPC Class 1 Gen 2
                        + " 00ED 000D 02 0001" // ROReportSpec: upon N = 1 tags
                        + " 00EE 0006 1600"); // content: AntennaID, PeakRSSI, FirstSeenTimestamp
        assertArrayEquals(
                expected,
                LlrpMessages.addRoSpec(7, 1515, List.of(1)).encode(),
                HexFormat.of()
                        .formatHex(LlrpMessages.addRoSpec(7, 1515, List.of(1)).encode()));
    }

    @Test
    void simpleRequestsCarryTheirFewBytes() {
        assertArrayEquals(
                hex("0401 0000000B 00000001 00"),
                LlrpMessages.getReaderCapabilities(1).encode());
        assertArrayEquals(
                hex("0415 0000000E 00000002 00000000"),
                LlrpMessages.deleteRoSpec(2, 0).encode());
        assertArrayEquals(
                hex("0418 0000000E 00000003 000005EB"),
                LlrpMessages.enableRoSpec(3, 1515).encode());
        assertArrayEquals(
                hex("0416 0000000E 00000004 000005EB"),
                LlrpMessages.startRoSpec(4, 1515).encode());
        assertArrayEquals(
                hex("0448 0000000A 00000009"), LlrpMessages.keepaliveAck(9).encode());
    }

    @Test
    void aTagReportGivesEpcAntennaRssiAndFirstSeen() throws Exception {
        byte[] frame = hex("043D 00000029 00000010"
                + " 00F0 001F" // TagReportData, 31 bytes
                + " 8D E2000000000000000000ABCD" // EPC-96
                + " 81 0002" // AntennaID 2
                + " 86 C4" // PeakRSSI -60
                + " 82 0005F0E1D2C3B4A5"); // FirstSeenTimestampUTC
        LlrpFrame read = LlrpFrame.read(new DataInputStream(new ByteArrayInputStream(frame)));
        assertEquals(LlrpMessageType.RO_ACCESS_REPORT, read.type());
        assertEquals(16, read.messageId());
        assertEquals(
                List.of(new TagReport("E2000000000000000000ABCD", 2, -60, 0x0005F0E1D2C3B4A5L)),
                LlrpParameters.tagReports(read.payload()));
    }

    @Test
    void aLongerEpcComesAsEpcDataAndUnknownTlvsAreSkipped() throws Exception {
        byte[] payload = hex("00F0 001F"
                + " 00F1 000E 0040 3034257BF7194E40" // EPCData, 64 bits
                + " 03FF 0008 00001234" // a vendor's custom parameter: skipped
                + " 81 0001 86 B5");
        assertEquals(List.of(new TagReport("3034257BF7194E40", 1, -75, 0)), LlrpParameters.tagReports(payload));
        // and what the emulator builds reads back the same
        TagReport tag = new TagReport("E20000000000000000001234", 1, -50, 123L);
        assertEquals(
                List.of(tag),
                LlrpParameters.tagReports(
                        LlrpMessages.roAccessReport(1, List.of(tag)).payload()));
    }

    @Test
    void statusAndConnectionEventsAreRead() throws Exception {
        LlrpParameters.Status ok = LlrpParameters.status(hex("011F 0008 0000 0000"));
        assertTrue(ok.success());
        LlrpParameters.Status refused = LlrpParameters.status(hex("011F 000B 0064 0003 626164"));
        assertFalse(refused.success());
        assertEquals("bad", refused.description());
        assertEquals(0, LlrpParameters.connectionAttempt(hex("00F6 0016 0080 000C 0005F0E1D2C3B4A5 0100 0006 0000")));
        assertEquals(
                4,
                LlrpParameters.connectionAttempt(
                        LlrpMessages.connectionAttempt(1, 5, 4).payload()));
    }

    @Test
    void malformedFramesAreRefusedNotGuessed() {
        // an unknown TV type cannot be skipped: its size is not in the frame
        assertThrows(MalformedLlrpException.class, () -> LlrpParameters.tagReports(hex("00F0 0008 8D00 FF01")));
        // a parameter longer than its message
        assertThrows(MalformedLlrpException.class, () -> LlrpParameters.tagReports(hex("00F0 00FF 8101")));
        // a tag report without an EPC
        assertThrows(MalformedLlrpException.class, () -> LlrpParameters.tagReports(hex("00F0 0007 81 0001")));
        // a message length beyond any reader's
        assertThrows(
                MalformedLlrpException.class,
                () -> LlrpFrame.read(new DataInputStream(new ByteArrayInputStream(hex("043D 7FFFFFFF 00000001")))));
        // version 5
        assertThrows(
                MalformedLlrpException.class,
                () -> LlrpFrame.read(new DataInputStream(new ByteArrayInputStream(hex("143D 0000000A 00000001")))));
        assertThrows(MalformedLlrpException.class, () -> LlrpParameters.status(hex("00F0 0004")));
    }
}
