package hk.seamless.feed;

import java.util.function.Consumer;

/**
 * Where a lane-side consumer catches up from. Entries themselves reach it in order through its
 * {@code accept}: in process from the registry writer (and from the journal replayed at start),
 * remotely from a topic read on from the consumer's applied sequence. What is asked here is the
 * feed's position, and a snapshot to rebuild from when replaying cannot bring it up to date.
 */
public interface FeedSource {

    /** The sequence of the last feed entry issued (0 before the first). */
    long sequence();

    /**
     * Streams the registry's state as lane changes (every ACTIVE bundle, BUNDLED consignment,
     * registered vehicle, suspended account, watch-list entry and set rate), such that applying
     * them to an empty lane view gives the view as of {@link #sequence()}, which it returns.
     * Suspensions, watch list, vehicles and consignments come before bundles, so that a bundle is
     * never visible before what it is checked against.
     */
    long snapshot(Consumer<LaneChange> sink);
}
