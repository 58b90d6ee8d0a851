package hk.seamless.lane;

import hk.seamless.store.ChronicleStores;
import hk.seamless.store.StoreSizes;
import hk.seamless.store.StoreName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A data folder from before the lane kept registered marks and suspensions is brought up to date once. */
class LaneViewUpgradeTest {

    @TempDir
    Path data;

    @Test
    void registeredVehiclesAndSuspendedAccountsReachAnOlderLaneViewOnceAtStart() {
        try (ChronicleStores stores = ChronicleStores.open(data, StoreSizes.forDailyConsignments(100))) {
            // What an older version left: registry records, and a lane view that never saw them.
            stores.store(StoreName.VEHICLES).put("AB1234", "{\"registrationMark\":\"AB1234\",\"rfidTag\":\"E2001111\"}");
            stores.store(StoreName.ACCOUNTS).put("Atrucker", "{\"id\":\"Atrucker\",\"status\":\"SUSPENDED\"}");
            LaneView view = new LaneView(stores);
            assertFalse(view.isRegistered("AB1234"));

            assertEquals(2, LaneViewUpgrade.bringUpToDate(data, stores, view));
            assertTrue(view.isRegistered("AB1234"));
            assertTrue(view.isSuspended("Atrucker"));
            assertEquals(0, LaneViewUpgrade.bringUpToDate(data, stores, view), "done once: the marker says so");
        }
    }
}
