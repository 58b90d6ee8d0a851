package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.Direction;
import hk.seamless.config.LogSettings;
import hk.seamless.log.SegmentedLog;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreName;
import hk.seamless.store.StoreSizes;
import hk.seamless.store.Transaction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Crossings} on real stores and a real registry writer: what the registry records of the
 * RELEASEs lane engines report, in whatever order Kafka brings them.
 */
class CrossingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T06:07:00Z"), ZoneOffset.UTC);
    private static final Instant EARLIER = Instant.parse("2026-11-26T06:06:59.396Z");
    private static final Instant LATER = Instant.parse("2026-11-26T06:06:59.538Z");
    private static final String CCRN = "2612345678901234";
    private static final LocalDate TOMORROW = LocalDate.parse("2026-11-27");

    @TempDir
    Path dir;

    private ChronicleStores stores;
    private RegistryWriter writer;
    private final List<RegistryChange> changes = new CopyOnWriteArrayList<>();
    private final Crossings crossings = new Crossings(LodgementWindow.hongKong(java.time.Period.ofDays(14)));

    @BeforeEach
    void open() {
        stores = ChronicleStores.open(dir, StoreSizes.forDailyConsignments(100));
        writer = new RegistryWriter(
                stores,
                SegmentedLog.open(dir.resolve("log"), LogSettings.defaults(), CLOCK, e -> {}),
                CLOCK,
                List.of(changes::add));
    }

    @AfterEach
    void close() {
        writer.close();
        stores.close();
    }

    private <T> T run(Function<Transaction, T> command) {
        try {
            return writer.submit("test", command).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void activeBundle(String bundleId) {
        run(tx -> {
            tx.put(StoreName.CONSIGNMENTS, CCRN, consignment(ConsignmentStatus.BUNDLED, bundleId));
            tx.put(StoreName.BUNDLES, bundleId, bundle(bundleId, BundleStatus.ACTIVE));
            tx.put(StoreName.ACTIVE_BUNDLES, Bundles.activeKey("ZX9100", Direction.IMPORT), bundleId);
            return null;
        });
    }

    private boolean report(String bundleId, Crossing where) {
        return run(tx -> crossings.record(tx, bundleId, where));
    }

    private Bundle bundleNow(String id) {
        return run(tx -> tx.get(StoreName.BUNDLES, id, Bundle.class));
    }

    private Consignment consignmentNow(String ccrn) {
        return run(tx -> tx.get(StoreName.CONSIGNMENTS, ccrn, Consignment.class));
    }

    private List<RegistryChange.AuditEvent> events(String action) {
        return changes.stream()
                .flatMap(c -> c.events().stream())
                .filter(e -> action.equals(e.action()))
                .toList();
    }

    private static Crossing at(String lane, String arrival, Instant when) {
        return new Crossing(lane.substring(0, 3), lane, arrival, when);
    }

    @Test
    void theLaterReleaseReadFirstGivesTheCrossingToTheEarlierOneWhenItComes() {
        activeBundle("B1");
        Crossing lmc = at("LMC-S-01", "A-lmc", EARLIER);
        Crossing mkt = at("MKT-S-01", "A-mkt", LATER);

        assertTrue(report("B1", mkt));
        assertTrue(report("B1", lmc), "the earlier release moves the crossing");

        assertEquals(lmc, bundleNow("B1").crossing());
        assertEquals(BundleStatus.USED, bundleNow("B1").status());
        assertEquals(lmc, consignmentNow(CCRN).crossing());
        assertEquals(ConsignmentStatus.CROSSED, consignmentNow(CCRN).status());
        assertEquals(1, events(Crossings.CROSSED).size(), "recorded once as the crossing; append-only");
        List<RegistryChange.AuditEvent> corrected = events(Crossings.CROSSING_CORRECTED);
        assertEquals(1, corrected.size(), "a new entry moves it");
        assertTrue(corrected.get(0).detail().contains("A-lmc"), corrected.toString());
        List<RegistryChange.AuditEvent> clones = events(Crossings.SUSPECTED_CLONE);
        assertEquals(1, clones.size());
        String detail = clones.get(0).detail();
        assertTrue(
                detail.contains("released again at MKT-S-01 (A-mkt, " + LATER + ") after crossing at LMC-S-01 (A-lmc, "
                        + EARLIER + ")"),
                "the later release is the suspect: " + detail);

        assertFalse(report("B1", lmc), "the same arrival again changes nothing");
        assertEquals(1, events(Crossings.CROSSED).size());
        assertEquals(1, events(Crossings.CROSSING_CORRECTED).size());
        assertEquals(1, events(Crossings.SUSPECTED_CLONE).size());
    }

    @Test
    void theEarlierReleaseReadFirstStaysTheCrossing() {
        activeBundle("B2");
        Crossing lmc = at("LMC-S-01", "A-lmc", EARLIER);
        Crossing mkt = at("MKT-S-01", "A-mkt", LATER);

        assertTrue(report("B2", lmc));
        assertFalse(report("B2", mkt));

        assertEquals(lmc, bundleNow("B2").crossing());
        assertEquals(lmc, consignmentNow(CCRN).crossing());
        assertEquals(1, events(Crossings.CROSSED).size());
        assertTrue(events(Crossings.SUSPECTED_CLONE).get(0).detail().contains("released again at MKT-S-01 (A-mkt"));
    }

    @Test
    void onEqualTimesTheOneRecordedFirstStays() {
        activeBundle("B3");
        Crossing mkt = at("MKT-S-01", "A-mkt", EARLIER);
        Crossing lmc = at("LMC-S-01", "A-lmc", EARLIER);

        assertTrue(report("B3", mkt));
        assertFalse(report("B3", lmc));

        assertEquals(mkt, bundleNow("B3").crossing());
        assertEquals(1, events(Crossings.CROSSED).size());
        assertTrue(events(Crossings.SUSPECTED_CLONE).get(0).detail().contains("released again at LMC-S-01 (A-lmc"));
    }

    /**
     * Released at a lane engine cut off from the registry while the trucker unbundled it: the truck
     * crossed with that cargo all the same. Each CCRN: LODGED again, bundled since to the vehicle's
     * new bundle, cancelled, expired.
     */
    @Test
    void aReleaseOfABundleUnbundledMeanwhileIsItsCrossing() {
        String lodged = "2611111111111111";
        String rebundled = "2622222222222222";
        String cancelled = "2633333333333333";
        String expired = "2644444444444444";
        String activeKey = Bundles.activeKey("ZX9100", Direction.IMPORT);
        run(tx -> {
            tx.put(
                    StoreName.BUNDLES,
                    "B4",
                    bundle("B4", BundleStatus.UNBUNDLED, lodged, rebundled, cancelled, expired)
                            .ended(BundleStatus.UNBUNDLED, LATER));
            tx.put(StoreName.BUNDLES, "B5", bundle("B5", BundleStatus.ACTIVE, rebundled));
            tx.put(StoreName.ACTIVE_BUNDLES, activeKey, "B5"); // the vehicle's new bundle
            tx.put(StoreName.CONSIGNMENTS, lodged, consignment(lodged, ConsignmentStatus.LODGED, null, TOMORROW));
            tx.put(
                    StoreName.CONSIGNMENTS,
                    rebundled,
                    consignment(rebundled, ConsignmentStatus.BUNDLED, "B5", TOMORROW));
            tx.put(
                    StoreName.CONSIGNMENTS,
                    cancelled,
                    consignment(cancelled, ConsignmentStatus.CANCELLED, null, TOMORROW));
            tx.put(
                    StoreName.CONSIGNMENTS,
                    expired,
                    consignment(expired, ConsignmentStatus.LODGED, null, LocalDate.parse("2026-11-20")));
            return null;
        });
        Crossing lmc = at("LMC-S-01", "A-lmc", EARLIER);

        assertTrue(report("B4", lmc));

        assertEquals(BundleStatus.USED, bundleNow("B4").status());
        assertEquals(lmc, bundleNow("B4").crossing());
        for (String ccrn : List.of(lodged, rebundled)) {
            assertEquals(ConsignmentStatus.CROSSED, consignmentNow(ccrn).status(), ccrn);
            assertEquals(lmc, consignmentNow(ccrn).crossing(), ccrn);
            assertEquals("B4", consignmentNow(ccrn).bundleId(), "crossed with the bundle released");
        }
        assertEquals(ConsignmentStatus.CANCELLED, consignmentNow(cancelled).status());
        assertEquals(ConsignmentStatus.LODGED, consignmentNow(expired).status(), "expired: left as it is");
        assertEquals(null, consignmentNow(expired).crossing());
        assertEquals("B5", run(tx -> tx.get(StoreName.ACTIVE_BUNDLES, activeKey)), "the new bundle stays ACTIVE");
        List<RegistryChange.AuditEvent> raised = events(CrossedAfterUnbundling.ACTION);
        assertEquals(1, raised.size());
        assertEquals("B4", raised.get(0).subject());
        String detail = raised.get(0).detail();
        assertTrue(detail.contains("LMC-S-01 (A-lmc"), detail);
        assertTrue(detail.contains(cancelled + " CANCELLED") && detail.contains(expired + " EXPIRED"), detail);
        assertTrue(events("CROSSING_IGNORED").isEmpty());

        assertFalse(report("B4", lmc), "the same arrival again changes nothing");
        assertFalse(report("B4", at("MKT-S-01", "A-mkt", LATER)), "another release of it is a second one");
        assertEquals(1, events(CrossedAfterUnbundling.ACTION).size());
        assertEquals(1, events(Crossings.SUSPECTED_CLONE).size());
    }

    @Test
    void aReleaseOfABundleTheRegistryDoesNotKnowIsIgnored() {
        assertFalse(report("B-unknown", at("LMC-S-01", "A-lmc", EARLIER)));
        assertTrue(events("CROSSING_IGNORED").get(0).detail().contains("unknown"));
    }

    static Bundle bundle(String id, BundleStatus status, String... ccrns) {
        return new Bundle(
                id,
                "Atrucker",
                "ZX9100",
                "ZX9100",
                Direction.IMPORT,
                List.of(ccrns),
                false,
                status,
                CLOCK.instant().minusSeconds(3600),
                CLOCK.instant().minusSeconds(1800),
                null,
                List.of(),
                null);
    }

    static Consignment consignment(String ccrn, ConsignmentStatus status, String bundleId, LocalDate expected) {
        CargoInformation cargo = new CargoInformation(
                Direction.IMPORT,
                expected,
                new Party("Acme Trading Co., Ltd.", "1 Nathan Road"),
                new Party("Futian Electronics", "Futian"),
                new PackagedCargo("Cartons", 10, "Mobile phones"),
                null);
        return new Consignment(ccrn, "Ashipper", 1, status, cargo, CLOCK.instant(), CLOCK.instant(), bundleId);
    }

    static Bundle bundle(String id, BundleStatus status) {
        return bundle(id, status, CCRN);
    }

    static Consignment consignment(ConsignmentStatus status, String bundleId) {
        return consignment(CCRN, status, bundleId, TOMORROW);
    }
}
