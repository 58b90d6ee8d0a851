package hk.seamless.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hk.seamless.risk.PartyNames;
import hk.seamless.risk.WatchlistEntry;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.trade.Account;
import hk.seamless.trade.AccountStatus;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.Vehicle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lane side's maps compared entry by entry with what the registry's records say they must
 * hold: every ACTIVE bundle under its vehicle and direction with the same content, and no lane
 * bundle without one; the same for BUNDLED consignments, registered vehicles and their tags,
 * suspended accounts, the watch list and set rates. Worked out here from the records on its own
 * (not through the feed's projection), so that it checks the feed rather than repeats it.
 *
 * <p>For any test with the stores open (e.g. after a {@code kill -9} and a restart, the engine
 * closed and its data folder opened with {@link hk.seamless.store.ChronicleStores#open}).
 */
public final class LaneViewComparison {

    private LaneViewComparison() {}

    /** Fails with every difference, one a line. */
    public static void assertLaneViewMatchesRegistry(Stores stores) {
        assertEquals(List.of(), differences(stores), "lane view against the registry");
    }

    /** Each difference as "store key: expected X, lane has Y"; empty when they match exactly. */
    public static List<String> differences(Stores stores) {
        List<String> out = new ArrayList<>();
        Map<String, String> bundles = expectedBundles(stores);
        compare(stores, StoreName.LANE_BUNDLES, bundles, out);
        compare(stores, StoreName.LANE_LOOK_ALIKES, expectedLookAlikes(bundles.keySet()), out);
        compare(stores, StoreName.LANE_CONSIGNMENTS, expectedConsignments(stores), out);
        Map<String, String> marks = new TreeMap<>();
        Map<String, String> tags = new TreeMap<>();
        stores.store(StoreName.VEHICLES).forEach((key, json) -> {
            Vehicle v = JsonCodec.read(json, Vehicle.class);
            marks.put(v.registrationMark(), "1");
            if (v.rfidTag() != null) {
                tags.put(v.rfidTag(), v.registrationMark());
            }
        });
        compare(stores, StoreName.LANE_VEHICLES, marks, out);
        compare(stores, StoreName.LANE_VEHICLES_BY_TAG, tags, out);
        Map<String, String> suspended = new TreeMap<>();
        stores.store(StoreName.ACCOUNTS).forEach((id, json) -> {
            if (JsonCodec.read(json, Account.class).status() == AccountStatus.SUSPENDED) {
                suspended.put(id, "1");
            }
        });
        compare(stores, StoreName.LANE_SUSPENDED_ACCOUNTS, suspended, out);
        Map<String, String> watch = new TreeMap<>();
        stores.store(StoreName.WATCHLIST).forEach((id, json) -> {
            WatchlistEntry e = JsonCodec.read(json, WatchlistEntry.class);
            watch.put(e.laneKey(), e.id());
            watch.put("id:" + e.id(), e.laneKey());
        });
        stores.store(StoreName.RANDOM_RATES)
                .forEach((cp, rate) -> watch.put("rate:" + cp, Double.toString(Double.parseDouble(rate))));
        compare(stores, StoreName.LANE_WATCHLIST, watch, out);
        return out;
    }

    private static Map<String, String> expectedBundles(Stores stores) {
        Map<String, String> expected = new TreeMap<>();
        stores.store(StoreName.BUNDLES).forEach((id, json) -> {
            Bundle b = JsonCodec.read(json, Bundle.class);
            if (b.status() == BundleStatus.ACTIVE) {
                expected.put(
                        b.vehicleMark() + "|" + b.direction().name(),
                        BundleAtLane.encode(
                                b.id(),
                                b.earliestCrossingAt().toEpochMilli(),
                                b.empty(),
                                b.riskHits(),
                                b.ccrns(),
                                b.trucker()));
            }
        });
        return expected;
    }

    /**
     * Each ACTIVE bundle's mark in its look-alike group: worked out here by comparing every two
     * marks with {@link hk.seamless.lane.plate.LookAlikes#equalUnderLookAlikes} (not by folding),
     * the group's masks sorted.
     */
    static Map<String, String> expectedLookAlikes(java.util.Collection<String> bundleKeys) {
        Map<String, java.util.SortedSet<String>> groups = new TreeMap<>();
        List<String> seen = new ArrayList<>();
        for (String bundleKey : bundleKeys) {
            String mark = bundleKey.substring(0, bundleKey.lastIndexOf('|'));
            hk.seamless.config.Direction direction =
                    hk.seamless.config.Direction.valueOf(bundleKey.substring(bundleKey.lastIndexOf('|') + 1));
            String groupKey = LookAlikeFolds.key(mark, direction);
            for (String other : seen) {
                if (other.charAt(0) != groupKey.charAt(0)) {
                    continue; // another direction: another group whatever the marks
                }
                String otherMark = other.substring(1);
                assertEquals(
                        hk.seamless.lane.plate.LookAlikes.equalUnderLookAlikes(mark, otherMark),
                        LookAlikeFolds.key(otherMark, direction).equals(groupKey),
                        mark + " and " + otherMark + ": look-alikes exactly when they fold alike");
            }
            seen.add(direction.name().charAt(0) + mark);
            groups.computeIfAbsent(groupKey, k -> new java.util.TreeSet<>()).add(LookAlikeFolds.mask(mark));
        }
        Map<String, String> expected = new TreeMap<>();
        groups.forEach((key, masks) -> expected.put(key, String.join("", masks)));
        return expected;
    }

    private static Map<String, String> expectedConsignments(Stores stores) {
        Map<String, String> expected = new TreeMap<>();
        stores.store(StoreName.CONSIGNMENTS).forEach((ccrn, json) -> {
            Consignment c = JsonCodec.read(json, Consignment.class);
            if (c.status() == ConsignmentStatus.BUNDLED) {
                CargoInformation cargo = c.cargo();
                String goods = cargo.packaged() != null
                        ? cargo.packaged().packageDescription() + " "
                                + cargo.packaged().articlesDescription()
                        : cargo.bulk().description();
                expected.put(
                        c.ccrn(),
                        ConsignmentAtLane.encode(
                                "BUNDLED",
                                cargo.expectedDate().toEpochDay(),
                                PartyNames.canonical(cargo.consignor().name()),
                                PartyNames.canonical(cargo.consignee().name()),
                                c.owner(),
                                PartyNames.canonical(goods)));
            }
        });
        return expected;
    }

    /** The lane store's whole content, sorted: for comparing two lane views with each other. */
    public static Map<String, String> contents(Stores stores, StoreName store) {
        Map<String, String> all = new TreeMap<>();
        stores.store(store).forEach(all::put);
        return all;
    }

    private static void compare(Stores stores, StoreName lane, Map<String, String> expected, List<String> out) {
        Map<String, String> actual = contents(stores, lane);
        expected.forEach((key, value) -> {
            String has = actual.get(key);
            if (!value.equals(has)) {
                out.add(lane + " " + printable(key) + ": expected " + printable(value) + ", lane has "
                        + printable(has));
            }
        });
        actual.forEach((key, value) -> {
            if (!expected.containsKey(key)) {
                out.add(lane + " " + printable(key) + ": lane has " + printable(value)
                        + ", the registry backs nothing");
            }
        });
    }

    private static String printable(String s) {
        return s == null ? "nothing" : s.replace(CompactValue.SEPARATOR, '|');
    }
}
