package hk.seamless.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's memory of arrivals: a REFER no officer has resolved is never forgotten. */
class ArrivalRecordsTest {

    private static ArrivalRecord arrival(String id, Verdict decision, long second) {
        return new ArrivalRecord(
                id,
                "LMC",
                "LMC-N-02",
                "EXPORT",
                "FU1234",
                decision,
                List.of(),
                null,
                List.of(),
                Instant.ofEpochSecond(second),
                new ArrivalRecord.Reads("FU1234", 40, List.of(), null, false),
                null,
                List.of(),
                0);
    }

    @Test
    void anUnresolvedReferOutlivesTheNewestArrivalsUntilAnOfficerResolvesIt() {
        ArrivalRecords records = new ArrivalRecords(3);
        records.add(arrival("refer-old", Verdict.REFER, 1));
        records.add(arrival("released", Verdict.RELEASE, 2));
        for (int i = 0; i < 5; i++) {
            records.add(arrival("later-" + i, Verdict.INSPECT, 10 + i));
        }
        assertNull(records.find("released"), "an ordinary old arrival is let go");
        assertNotNull(records.find("refer-old"), "the waiting REFER is kept");
        records.add(arrival("held", Verdict.HOLD, 19));
        records.add(arrival("refer-new", Verdict.REFER, 20));
        for (int i = 0; i < 5; i++) {
            records.add(arrival("later-again-" + i, Verdict.INSPECT, 30 + i));
        }
        assertEquals(
                List.of("refer-old", "held", "refer-new"),
                records.awaitingOfficer().stream().map(ArrivalRecord::id).toList(),
                "a HOLD waits for an officer's hand release like a REFER");

        ArrivalRecord old = records.find("refer-old");
        records.replace(new ArrivalRecord(
                old.id(),
                old.controlPoint(),
                old.lane(),
                old.direction(),
                old.vehicleMark(),
                Verdict.RELEASE,
                old.reasons(),
                null,
                List.of(),
                old.decidedAt(),
                old.reads(),
                null,
                List.of(),
                0));
        assertEquals(
                List.of("held", "refer-new"),
                records.awaitingOfficer().stream().map(ArrivalRecord::id).toList());
        assertNull(records.find("refer-old"), "resolved, it goes the way of the other old arrivals");
    }
}
