package hk.seamless.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreSizesTest {

    @Test
    void consignmentsLiveTheLodgementWindowADayToExpireAndTheRetentionPeriod() {
        // Hong Kong: ~40,000 crossings a day, two consignments each; 14-day window + 1 + 90 days, 25% headroom
        StoreSizes hongKong = StoreSizes.of(EngineConfig.defaults().withDailyConsignments(80_000));
        assertEquals(Math.round(80_000 * 105 * 1.25), hongKong.entries(StoreName.CONSIGNMENTS));
        // the lane holds only what is ACTIVE or BUNDLED: the open days, not the retention
        assertEquals(Math.round(80_000 * 15 * 1.25), hongKong.entries(StoreName.LANE_BUNDLES));
        assertEquals(Math.round(80_000 * 15 * 1.25), hongKong.entries(StoreName.LANE_CONSIGNMENTS));
    }

    @Test
    void aShorterRetentionShrinksTheRegistryButNotTheLane() {
        StoreSizes ninetyDays = StoreSizes.forDailyConsignments(10_000);
        StoreSizes thirtyDays = new StoreSizes(
                10_000, Duration.ofDays(30), Duration.ofDays(14), Duration.ofHours(12), Duration.ofHours(24), 36);
        assertTrue(thirtyDays.entries(StoreName.CONSIGNMENTS) < ninetyDays.entries(StoreName.CONSIGNMENTS) / 2);
        assertEquals(ninetyDays.entries(StoreName.LANE_BUNDLES), thirtyDays.entries(StoreName.LANE_BUNDLES));
    }

    @Test
    void devicesAreSizedByTheLanesNotTheTraffic() {
        StoreSizes boundary = new StoreSizes(
                1_000, Duration.ofDays(90), Duration.ofDays(14), Duration.ofHours(12), Duration.ofHours(24), 2_000);
        // 4 devices on each of 2,000 lanes, each replaced once, with the headroom
        assertEquals(Math.round(2_000 * 8 * 1.25), boundary.entries(StoreName.DEVICES));
        assertEquals(Math.round(2_000 * 8 * 1.25), boundary.entries(StoreName.DEVICE_CREDENTIALS));
        assertEquals(1_000, StoreSizes.forDailyConsignments(1_000).entries(StoreName.DEVICES), "36 lanes: the floor");
    }

    @Test
    void everyStoreHasAtLeastTheFloor() {
        StoreSizes tiny = StoreSizes.forDailyConsignments(1);
        for (StoreName name : StoreName.values()) {
            assertTrue(tiny.entries(name) >= 1_000, name + " " + tiny.entries(name));
        }
    }
}
