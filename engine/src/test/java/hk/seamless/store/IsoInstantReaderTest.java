package hk.seamless.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine's own instants read by position give what {@code Instant.parse} gives; others are left to Jackson. */
class IsoInstantReaderTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-02T16:01:57.875670781Z",
                "2026-12-02T16:01:57Z",
                "2026-12-02T16:01:57.8Z",
                "2026-12-02T16:01:57.875Z",
                "2024-02-29T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.5Z",
                "2099-01-01T00:00:00.000001Z"
            })
    void readsTheEngineOwnFormExactly(String text) {
        assertEquals(Instant.parse(text), IsoInstantReader.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-02T16:01:57+08:00",
                "2026-12-02 16:01:57Z",
                "2026-02-30T16:01:57Z",
                "2026-12-02T24:01:57Z",
                "2026-12-02T16:01:57.1234567890Z",
                "2026-12-02T16:01:57.Z",
                "x026-12-02T16:01:57Z",
                "+12026-12-02T16:01:57Z",
                "2026-12-02T16:01:5aZ"
            })
    void leavesAnythingElseToTheFullReader(String text) {
        assertNull(IsoInstantReader.parse(text));
    }

    @org.junit.jupiter.api.Test
    void theCodecReadsBothForms() {
        record At(Instant at) {}
        assertEquals(
                Instant.parse("2026-12-02T16:01:57.875670781Z"),
                JsonCodec.read("{\"at\":\"2026-12-02T16:01:57.875670781Z\"}", At.class)
                        .at());
        assertEquals(
                Instant.parse("2026-12-02T08:01:57Z"),
                JsonCodec.read("{\"at\":\"2026-12-02T16:01:57+08:00\"}", At.class)
                        .at());
        assertEquals(
                Instant.ofEpochSecond(1_700_000_000),
                JsonCodec.read("{\"at\":1700000000}", At.class).at());
    }

    @org.junit.jupiter.api.Test
    void theCodecWritesInstantsAsJacksonsOwnSerializerDoes() {
        record At(Instant at) {}
        com.fasterxml.jackson.databind.ObjectMapper jacksons = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (String text : new String[] {
            "2026-12-02T16:01:57.875670781Z",
            "2026-12-02T16:01:57Z",
            "2026-12-02T16:01:57.800Z",
            "1969-12-31T23:59:59.5Z"
        }) {
            At at = new At(Instant.parse(text));
            String written = JsonCodec.write(at);
            assertEquals(assertDoesNotThrow(() -> jacksons.writeValueAsString(at)), written);
            assertEquals(at, JsonCodec.read(written, At.class));
        }
    }
}
