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
                10_000, Duration.ofDays(30), Duration.ofDays(14), Duration.ofHours(12), Duration.ofHours(24));
        assertTrue(thirtyDays.entries(StoreName.CONSIGNMENTS) < ninetyDays.entries(StoreName.CONSIGNMENTS) / 2);
        assertEquals(ninetyDays.entries(StoreName.LANE_BUNDLES), thirtyDays.entries(StoreName.LANE_BUNDLES));
    }

    @Test
    void everyStoreHasAtLeastTheFloor() {
        StoreSizes tiny = StoreSizes.forDailyConsignments(1);
        for (StoreName name : StoreName.values()) {
            assertTrue(tiny.entries(name) >= 1_000, name + " " + tiny.entries(name));
        }
    }
}
