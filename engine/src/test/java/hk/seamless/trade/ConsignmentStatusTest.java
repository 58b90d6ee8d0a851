package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hk.seamless.config.Direction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** LODGED or BUNDLED -> EXPIRED when the expected date has passed by more than a day, in Hong Kong. */
class ConsignmentStatusTest {

    private final LodgementWindow window = LodgementWindow.hongKong(Period.ofDays(14));

    private static Consignment consignment(ConsignmentStatus status) {
        CargoInformation cargo = new CargoInformation(
                Direction.EXPORT,
                LocalDate.parse("2026-12-01"),
                new Party("a", "b"),
                new Party("c", "d"),
                new PackagedCargo("BOXES", 1, "toys"),
                null);
        return new Consignment("2612345678901234", "S1", 1, status, cargo, Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void lodgedAndBundledExpireAfterTheDayAfterTheExpectedDateInHongKong() {
        Instant lastMomentOfGrace = Instant.parse("2026-12-02T15:59:59Z"); // 23:59:59 on 2 Dec in Hong Kong
        Instant expired = Instant.parse("2026-12-02T16:00:00Z"); // 00:00 on 3 Dec in Hong Kong
        for (ConsignmentStatus open : new ConsignmentStatus[] {ConsignmentStatus.LODGED, ConsignmentStatus.BUNDLED}) {
            assertEquals(open, consignment(open).statusAt(lastMomentOfGrace, window));
            assertEquals(ConsignmentStatus.EXPIRED, consignment(open).statusAt(expired, window));
        }
    }

    @Test
    void endedConsignmentsKeepTheirStatus() {
        Instant late = Instant.parse("2027-01-01T00:00:00Z");
        assertEquals(
                ConsignmentStatus.CROSSED,
                consignment(ConsignmentStatus.CROSSED).statusAt(late, window));
        assertEquals(
                ConsignmentStatus.CANCELLED,
                consignment(ConsignmentStatus.CANCELLED).statusAt(late, window));
    }

    @Test
    void amendingKeepsTheStatusAndCountsTheVersion() {
        Consignment amended = consignment(ConsignmentStatus.LODGED)
                .amended(consignment(ConsignmentStatus.LODGED).cargo(), Instant.EPOCH);
        assertEquals(2, amended.version());
        assertEquals(ConsignmentStatus.LODGED, amended.status());
    }
}
