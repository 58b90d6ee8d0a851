package hk.seamless.lane;

import java.util.List;

/**
 * Benchmarks only: the package-private halves of the lane's compact layout, so that an on-heap or
 * Redis baseline stores exactly the value the engine stores and parses it with the engine's own
 * code. (Same package as the engine's classes; both are on one class path, so this compiles and
 * runs without opening anything in the engine.)
 */
public final class LaneBenchmarkAccess {

    private LaneBenchmarkAccess() {}

    /** The value LaneView writes to lane-bundles for an ACTIVE bundle (the engine's own encoder, packing included). */
    public static String encodeBundle(
            String id,
            long earliestCrossingMillis,
            boolean empty,
            List<String> riskHits,
            List<String> ccrns,
            String trucker) {
        return BundleAtLane.encode(id, earliestCrossingMillis, empty, riskHits, ccrns, trucker);
    }

    /** The value LaneView writes to lane-consignments for a BUNDLED consignment (parties and goods canonical). */
    public static String encodeConsignment(
            long expectedEpochDay, String consignor, String consignee, String owner, String goods) {
        return ConsignmentAtLane.encode("BUNDLED", expectedEpochDay, consignor, consignee, owner, goods);
    }

    /** The flyweight's reusable buffer: what LaneView.activeBundle reads a value into. */
    public static StringBuilder raw(BundleAtLane bundle) {
        return bundle.raw;
    }

    /** Parses the value already in {@link #raw}: what LaneView.activeBundle does after getUsing. */
    public static void wrap(BundleAtLane bundle) {
        bundle.wrap();
    }

    /** Copies {@code value} into the buffer and parses it, as after an on-heap get. */
    public static void wrap(CharSequence value, BundleAtLane into) {
        into.raw.setLength(0);
        into.raw.append(value);
        into.wrap();
    }
}
