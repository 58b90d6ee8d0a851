package hk.seamless.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decision message and the journal's arrival entry written by hand are, character for
 * character, what the JSON objects of {@link DecisionMessages} encode to: gates, consoles, lane
 * engines reporting from the journal and the journal's replay all read the one format.
 */
class DecisionJsonTest {

    private static final long VALIDITY = 60_000;
    private final Random random = new Random(20261203);

    @Test
    void everyDecisionAndJournalEntryIsWhatTheJsonObjectsEncodeTo() {
        DecisionJson json = new DecisionJson();
        for (int i = 0; i < 5_000; i++) {
            ArrivalRecord r = record();
            assertEquals(DecisionMessages.decision(r, VALIDITY).encode(), json.decision(r, VALIDITY), r.toString());
            for (String entry : List.of("DECISION", "OVERRIDE")) {
                String expected =
                        DecisionMessages.detail(r, VALIDITY).put("entry", entry).encode();
                assertEquals(
                        expected,
                        new String(json.journalEntry(r, VALIDITY, entry), StandardCharsets.UTF_8),
                        r.toString());
            }
        }
    }

    @Test
    void aGateAcknowledgementIsWhatItsJsonObjectEncodesTo() {
        DecisionJson json = new DecisionJson();
        for (int i = 0; i < 1_000; i++) {
            String arrivalId = maybe("A" + random.nextInt(1000));
            String state = text();
            long at = instant().toEpochMilli();
            String expected = new io.vertx.core.json.JsonObject()
                    .put("entry", "GATE_ACK")
                    .put("arrivalId", arrivalId)
                    .put("lane", "LMC-S-01")
                    .put("state", state)
                    .put("at", DecisionMessages.time(Instant.ofEpochMilli(at)))
                    .encode();
            assertEquals(
                    expected,
                    new String(json.gateAcknowledged(arrivalId, "LMC-S-01", state, at), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anEntryWrittenByHandIsReadBackAsTheSameArrival() {
        DecisionJson json = new DecisionJson();
        for (int i = 0; i < 500; i++) {
            ArrivalRecord r = record();
            ArrivalRecord back = DecisionMessages.record(new io.vertx.core.json.JsonObject(
                    new String(json.journalEntry(r, VALIDITY, "DECISION"), StandardCharsets.UTF_8)));
            assertEquals(r, back);
        }
    }

    private ArrivalRecord record() {
        Verdict decision = Verdict.values()[random.nextInt(Verdict.values().length)];
        List<ReasonCode> reasons = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            reasons.add(ReasonCode.values()[random.nextInt(ReasonCode.values().length)]);
        }
        List<ArrivalRecord.Candidate> candidates = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            candidates.add(new ArrivalRecord.Candidate(text(), random.nextInt(101)));
        }
        List<ArrivalRecord.Override> overrides = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            overrides.add(new ArrivalRecord.Override(
                    text(),
                    maybe(text()),
                    Verdict.values()[random.nextInt(Verdict.values().length)],
                    Verdict.values()[random.nextInt(Verdict.values().length)],
                    text(),
                    maybe(text()),
                    maybe(text()),
                    instant()));
        }
        return new ArrivalRecord(
                "A" + random.nextInt(1_000_000),
                "LMC",
                "LMC-S-0" + (1 + random.nextInt(4)),
                random.nextBoolean() ? "IMPORT" : "EXPORT",
                maybe(text()),
                decision,
                reasons,
                maybe("B" + random.nextInt(1000)),
                random.nextBoolean() ? List.of() : List.of("CCRN" + random.nextInt(1000), "CCRN2"),
                instant(),
                new ArrivalRecord.Reads(
                        maybe(text()), random.nextInt(101), candidates, maybe(text()), random.nextBoolean()),
                maybe(text()),
                overrides,
                random.nextInt(5));
    }

    private Instant instant() {
        // The journal keeps times to the millisecond, as the contract gives them.
        return Instant.ofEpochMilli(1_790_000_000_000L + random.nextInt(1_000_000_000));
    }

    private <T> T maybe(T value) {
        return random.nextInt(5) == 0 ? null : value;
    }

    /** Marks and officers' words: letters, digits, quotes, backslashes, control characters, Chinese. */
    private String text() {
        String alphabet = "AB8SZ26G0 \"\\/\n\t\r\b\f\u0001\u001f\u007f\u00e9\u7ca4\u6e2f-:{}[],";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
