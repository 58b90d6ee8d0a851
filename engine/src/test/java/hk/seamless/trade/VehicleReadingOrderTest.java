package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trucker's vehicles are listed (and read out on the phone) as people count: BK997 before BK1000. */
class VehicleReadingOrderTest {

    @Test
    void numbersCompareByTheirValueAndLettersAsLetters() {
        List<String> marks =
                new ArrayList<>(List.of("BK1000", "FU12", "BK997", "BK99", "FV1", "BK 2", "BK1000A", "AB1"));
        marks.sort(Vehicles::inReadingOrder);
        assertEquals(List.of("AB1", "BK 2", "BK99", "BK997", "BK1000", "BK1000A", "FU12", "FV1"), marks);
        assertEquals(0, Vehicles.inReadingOrder("FU1234", "FU1234"));
    }
}
