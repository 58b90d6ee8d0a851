package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Retention: records that can no longer change leave the hot maps once finished for the retention
 * period (90 days by default), and stay answerable, unchanged, from the archive (the registry log).
 */
class ArchiveLaneTest extends LaneHarness {

    private static final Duration PAST_RETENTION = Duration.ofDays(91);

    private int archiveNow() {
        return engine.archiveFinishedRecords().join();
    }

    @Test
    void aCrossedConsignmentAndItsUsedBundleAreAnsweredFromTheArchiveExactlyAsBefore() {
        Rig rig = rig("IMPORT");
        Truck truck = newTruck();
        String ccrn = lodge("IMPORT");
        // amended once, so that a superseded version is archived too
        JsonObject amended = TradeApiClient.packaged("IMPORT", today().plusDays(1));
        amended.getJsonObject("consignor").put("name", "Amended Trading Co Ltd");
        api.put("/api/v1/consignments/" + ccrn, shipper.token(), amended).expect(200);
        String bundleId =
                api.bundle(trucker.token(), truck.mark(), "IMPORT", ccrn).getString("bundleId");
        clock.advance(PAST_LEAD);
        assertDecision(arrive(rig, truck), "RELEASE", "PROCEED");
        eventually(
                "/api/v1/consignments/" + ccrn,
                shipper.token(),
                c -> "CROSSED".equals(c.getString("status")),
                "CROSSED");
        JsonObject consignment = api.get("/api/v1/consignments/" + ccrn, shipper.token())
                .expect(200)
                .json();
        JsonObject versions = api.get("/api/v1/consignments/" + ccrn + "/versions", shipper.token())
                .expect(200)
                .json();
        JsonObject bundle = api.get("/api/v1/bundles/" + bundleId, trucker.token())
                .expect(200)
                .json();

        clock.advance(Duration.ofDays(30));
        archiveNow();
        assertEquals(
                consignment,
                api.get("/api/v1/consignments/" + ccrn, shipper.token())
                        .expect(200)
                        .json(),
                "30 days after crossing it is still hot, and unchanged");

        clock.advance(PAST_RETENTION);
        assertTrue(archiveNow() >= 2, "the consignment and the bundle are moved");
        assertEquals(
                consignment,
                api.get("/api/v1/consignments/" + ccrn, shipper.token())
                        .expect(200)
                        .json());
        assertEquals(
                versions,
                api.get("/api/v1/consignments/" + ccrn + "/versions", shipper.token())
                        .expect(200)
                        .json());
        assertEquals(
                bundle,
                api.get("/api/v1/bundles/" + bundleId, trucker.token())
                        .expect(200)
                        .json());
        assertEquals(0, archiveNow(), "moved once: nothing left to move");
        // only its owner still reads it
        TradeApiClient.Account other = api.newAccount("SHIPPER");
        api.get("/api/v1/consignments/" + ccrn, other.token()).expect(404);
    }

    @Test
    void aCancelledConsignmentIsArchivedAndALodgedOneStaysHot() {
        String cancelled = lodge("EXPORT");
        api.delete("/api/v1/consignments/" + cancelled, shipper.token()).expect(200);
        String lodged = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(14));
        clock.advance(PAST_RETENTION);
        archiveNow();
        assertEquals(
                "CANCELLED",
                api.get("/api/v1/consignments/" + cancelled, shipper.token())
                        .expect(200)
                        .json()
                        .getString("status"));
        // The lodged one expired (its date passed) 90 days ago too: it is EXPIRED and archived; one
        // lodged today stays hot and can still be amended.
        assertEquals(
                "EXPIRED",
                api.get("/api/v1/consignments/" + lodged, shipper.token())
                        .expect(200)
                        .json()
                        .getString("status"));
        String fresh = lodge("EXPORT");
        archiveNow();
        JsonObject amended = TradeApiClient.packaged("EXPORT", today().plusDays(2));
        api.put("/api/v1/consignments/" + fresh, shipper.token(), amended).expect(200);
    }

    @Test
    void anActiveBundleIsNeverArchivedHoweverOld() {
        Truck truck = newTruck();
        JsonObject bundle = bundleLaden(truck.mark(), "EXPORT");
        String ccrn = bundle.getJsonArray("ccrns").getString(0);
        clock.advance(PAST_RETENTION);
        archiveNow();
        assertEquals(
                "ACTIVE",
                api.get("/api/v1/bundles/" + bundle.getString("bundleId"), trucker.token())
                        .expect(200)
                        .json()
                        .getString("status"));
        // Its consignment expired long ago, but the bundle still names it: it stays hot with it.
        assertEquals(0, archiveNow());
        api.get("/api/v1/consignments/" + ccrn, shipper.token()).expect(200);
    }
}
