package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.rules.InvalidInputException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

/**
 * A body read ahead of its write (on an event loop for a lodgement, on a worker for a batch's rows)
 * is judged by the rules of the instant the registry records it: the same answer within the Hong
 * Kong day it was read on, a fresh reading once that day is over.
 */
class CargoReadingTest {

    /** 23:59:30 in Hong Kong on 26 November 2026: half a minute before the window moves on. */
    private static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-11-26T15:59:30Z");

    private static final Instant AFTER_MIDNIGHT = BEFORE_MIDNIGHT.plus(Duration.ofMinutes(1));

    private final CargoInformationReader reader =
            new CargoInformationReader(LodgementWindow.hongKong(Period.ofDays(14)));

    private static JsonObject expectedOn(String date) {
        return new JsonObject()
                .put("direction", "EXPORT")
                .put("expectedDate", date)
                .put(
                        "consignor",
                        new JsonObject().put("name", "Kwai Chung Exporters").put("address", "Kwai Chung"))
                .put("consignee", new JsonObject().put("name", "東莞市貿易公司").put("address", "東莞市"))
                .put(
                        "packaged",
                        new JsonObject()
                                .put("packageDescription", "PALLETS")
                                .put("packageCount", 8)
                                .put("articlesDescription", "printed circuit boards"));
    }

    @Test
    void withinTheDayItWasReadOnTheReadingIsTheAnswer() {
        CargoReading reading = CargoReading.of(reader, expectedOn("2026-11-26"), BEFORE_MIDNIGHT);

        CargoInformation cargo = reading.at(BEFORE_MIDNIGHT.plusSeconds(20));

        assertSame(cargo, reading.at(BEFORE_MIDNIGHT.plusSeconds(29)), "read once, not again");
        assertEquals("2026-11-26", cargo.expectedDate().toString());
    }

    @Test
    void aTruckExpectedTodayIsRefusedWhenTheWriteFallsOnTomorrow() {
        CargoReading reading = CargoReading.of(reader, expectedOn("2026-11-26"), BEFORE_MIDNIGHT);

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> reading.at(AFTER_MIDNIGHT));

        assertTrue(
                refused.errors().stream()
                        .anyMatch(e ->
                                e.field().equals("expectedDate") && e.message().contains("past")),
                refused.errors().toString());
    }

    @Test
    void aDateBeyondTheWindowWhenReadIsTakenWhenTheWriteFallsOnTheNextDay() {
        JsonObject body = expectedOn("2026-12-11"); // 15 days after the 26th, 14 after the 27th
        assertThrows(InvalidInputException.class, () -> reader.read(body, BEFORE_MIDNIGHT));

        CargoReading reading = CargoReading.of(reader, body, BEFORE_MIDNIGHT);

        assertThrows(InvalidInputException.class, () -> reading.at(BEFORE_MIDNIGHT), "the same day: refused");
        assertEquals("2026-12-11", reading.at(AFTER_MIDNIGHT).expectedDate().toString());
    }
}
