package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** lanes-config writes a boundary of many lanes (the engine reading it: LaneSimulatorManyLanesRunTest). */
class SpreadLanesTest {

    @Test
    void theLanesAreSplitHalfEachWayWithIdsThatSortInLaneOrder() {
        JsonArray points = new JsonObject(SpreadLanes.engineConfig(2000)).getJsonArray("controlPoints");
        List<String> codes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int imports = 0;
        for (int i = 0; i < points.size(); i++) {
            JsonObject cp = points.getJsonObject(i);
            codes.add(cp.getString("code"));
            JsonArray lanes = cp.getJsonArray("lanes");
            int in = 0;
            for (int k = 0; k < lanes.size(); k++) {
                JsonObject lane = lanes.getJsonObject(k);
                assertTrue(ids.add(lane.getString("id")), "lane ids are unique: " + lane.getString("id"));
                if ("IMPORT".equals(lane.getString("direction"))) {
                    in++;
                }
            }
            assertEquals(lanes.size(), 2 * in, cp.getString("code") + " has as many lanes each way");
            imports += in;
        }
        assertEquals(List.of("LMC", "MKT", "STK", "SBC", "HZM", "HYW"), codes);
        assertEquals(2000, ids.size());
        assertEquals(1000, imports);
        assertTrue(ids.containsAll(List.of("LMC-S-001", "LMC-S-222", "HYW-N-167")), "zero-padded to the widest");
    }

    @Test
    void theLanesFollowTheDefaultsProportionsAndAlwaysAddUp() {
        // The default has 4, 2, 2, 4, 3, 3 lanes each way: 18 each way gives those back exactly.
        assertEquals(
                List.of(4, 2, 2, 4, 3, 3),
                IntStream.of(SpreadLanes.lanesEachWay(18)).boxed().toList());
        for (int eachWay = 6; eachWay <= 3000; eachWay += 7) {
            int[] counts = SpreadLanes.lanesEachWay(eachWay);
            assertEquals(eachWay, IntStream.of(counts).sum(), eachWay + " lanes each way");
            assertTrue(IntStream.of(counts).allMatch(c -> c >= 1), "every control point has a lane each way");
        }
    }

    @Test
    void anOddOrTooSmallBoundaryIsRefusedSayingWhatIsAllowed() {
        IllegalArgumentException odd =
                assertThrows(IllegalArgumentException.class, () -> SpreadLanes.engineConfig(2001));
        assertTrue(odd.getMessage().contains("even number from 12 to 20000"), odd.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpreadLanes.engineConfig(10));
    }
}
