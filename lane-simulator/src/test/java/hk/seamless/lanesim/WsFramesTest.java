package hk.seamless.lanesim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WsFramesTest {

    @Test
    void acceptKeyIsTheOneOfRfc6455() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WsFrames.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void framesOfEveryLengthEncodingRoundTripMaskedAndNot() throws Exception {
        byte[] mask = {0x37, (byte) 0xfa, 0x21, 0x3d};
        for (int length : new int[]{0, 5, 125, 126, 200, 65_535, 65_536, 70_000}) {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++) {
                payload[i] = (byte) (i * 31);
            }
            for (byte[] m : new byte[][]{null, mask}) {
                byte[] wire = WsFrames.encode(WsFrames.TEXT, payload, m);
                WsFrames.Frame f = WsFrames.read(new ByteArrayInputStream(wire));
                assertTrue(f.fin());
                assertEquals(WsFrames.TEXT, f.opcode());
                assertArrayEquals(payload, f.payload(), "length " + length);
                int header = length < 126 ? 2 : length <= 65_535 ? 4 : 10;
                assertEquals(header + (m == null ? 0 : 4) + length, wire.length);
            }
        }
    }

    @Test
    void theRfcExampleFramesDecode() throws Exception {
        // RFC 6455 5.7: a single-frame unmasked text "Hello", and the masked one.
        byte[] unmasked = {(byte) 0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f};
        byte[] masked = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58};
        assertEquals("Hello", WsFrames.read(new ByteArrayInputStream(unmasked)).text());
        assertEquals("Hello", WsFrames.read(new ByteArrayInputStream(masked)).text());
        assertArrayEquals(unmasked, WsFrames.text("Hello"));
        assertArrayEquals(masked, WsFrames.encode(WsFrames.TEXT, "Hello".getBytes(StandardCharsets.UTF_8),
                new byte[]{0x37, (byte) 0xfa, 0x21, 0x3d}));
    }

    @Test
    void fragmentsAreJoinedAndTruncatedStreamsRefused() throws Exception {
        // RFC 6455 5.7: "Hel" then "lo", a ping in between.
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(new byte[]{0x01, 0x03, 0x48, 0x65, 0x6c});
        wire.writeBytes(WsFrames.encode(WsFrames.PING, new byte[0]));
        wire.writeBytes(new byte[]{(byte) 0x80, 0x02, 0x6c, 0x6f});
        WsFrames.Frame message = WsFrames.readMessage(new ByteArrayInputStream(wire.toByteArray()));
        assertEquals(WsFrames.TEXT, message.opcode());
        assertEquals("Hello", message.text());
        byte[] whole = WsFrames.text("{\"kind\":\"plate\"}");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
        assertThrows(EOFException.class, () -> WsFrames.read(new ByteArrayInputStream(cut)));
    }

    @Test
    void theFloorServerReadsWhatItNeedsFromTheLaneMessages() {
        String plate = LaneMessages.plate(new LaneMessages.PlateSeen("FU125B", 91.0, "粤Z·A123港"), java.time.Instant.EPOCH, true);
        assertEquals("FU125B", FloorServer.field(plate, "plate"));
        assertEquals("plate", FloorServer.field(plate, "kind"));
        assertEquals("LMC-S-01", FloorServer.lane("/lane/v1/lanes/LMC-S-01/stream"));
        assertEquals(null, FloorServer.lane("/api/v1/settings"));
        Decision d = Decision.parse(FloorServer.fakeDecision("F-1", "LMC-S-01", "FU125B"));
        assertEquals("RELEASE", d.decision());
        assertEquals("FU125B", d.vehicleMark());
    }
}
