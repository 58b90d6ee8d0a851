package hk.seamless.lane;

import hk.seamless.feed.FeedConsumer;
import hk.seamless.feed.FeedEntry;
import hk.seamless.feed.FeedSource;
import hk.seamless.feed.LaneChange;
import hk.seamless.risk.RiskView;
import hk.seamless.store.KeyValueStore;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the lane feed to the lane side's views ({@link LaneView}, {@link RiskView}), in sequence
 * order, and keeps in the lane's own store ({@code LANE_FEED}) the last sequence it applied, the
 * layout of the views, and whether they are stale.
 *
 * <p><b>At start</b> the feed's entries after the applied sequence are handed to it again (the
 * journal replayed); an entry already applied is skipped. Then {@link #finishStart} compares the
 * applied sequence with the feed's: if they differ (entries that cannot be replayed any more), or
 * the views are stale, or were written in another layout (a data folder from an older version),
 * the views are rebuilt from the feed's snapshot of the registry.
 *
 * <p><b>Running</b>, an entry it cannot apply (a gap in the sequence, a map that refused a write)
 * is never skipped: the views are marked stale (persisted, so a restart rebuilds them too), an
 * ERROR is logged, and they are rebuilt at once from the snapshot. Meanwhile the lane view hides
 * every bundle ({@link LaneView#trust}): trucks are inspected, never released on a view that may
 * still hold an ended bundle. A rebuild that fails leaves it so until the next start.
 *
 * <p>Runs on one thread at a time (the registry writer's, in process); the state read by
 * {@code /health} is volatile.
 */
public final class LaneFeedConsumer implements FeedConsumer {

    /** The views' layout: raise it whenever they keep something new; a change rebuilds them once. */
    // 4: the lane bundle's ids, millis and CCRNs packed (PackedText); 5: the marks by look-alike fold
    static final String FORMAT = "5";

    static final String APPLIED_KEY = "applied";
    static final String FORMAT_KEY = "format";
    static final String STALE_KEY = "stale";

    private static final Logger LOG = LoggerFactory.getLogger(LaneFeedConsumer.class);

    private final KeyValueStore state;
    private final LaneView lane;
    private final RiskView risk;
    private volatile long applied;
    private volatile String staleReason;
    private FeedSource source;
    /** Where a suspected clone is raised (the lane consoles); nowhere until the lane side is running. */
    private volatile Consumer<LaneChange.CloneSuspected> cloneAlerts = c -> {};
    /** Before {@link #finishStart}: what was found wrong waits for the journal to be read. */
    private String rebuildAtStart;

    public LaneFeedConsumer(Stores stores, LaneView lane, RiskView risk) {
        this.state = stores.store(StoreName.LANE_FEED);
        this.lane = lane;
        this.risk = risk;
        String appliedValue = state.get(APPLIED_KEY);
        this.applied = appliedValue == null ? 0 : Long.parseLong(appliedValue);
        this.staleReason = state.get(STALE_KEY);
        if (staleReason != null) {
            rebuildAtStart = "it was stale (" + staleReason + ")";
            lane.trust(false);
        } else if (!FORMAT.equals(state.get(FORMAT_KEY)) || appliedValue == null) {
            rebuildAtStart = state.get(FORMAT_KEY) == null
                    ? "it has no layout mark (new, or from an older version)"
                    : "its layout " + state.get(FORMAT_KEY) + " is not this version's " + FORMAT;
        }
    }

    /** Rebuilds at {@link #finishStart} whatever the applied sequence says (e.g. its maps were repaired). */
    public void rebuildAtStart(String reason) {
        if (rebuildAtStart == null) {
            rebuildAtStart = reason;
        }
    }

    @Override
    public void accept(FeedEntry entry) {
        if (source == null && rebuildAtStart != null) {
            return; // rebuilt from the snapshot once the journal is read
        }
        if (source != null && staleReason != null) {
            return; // a rebuild failed: the lanes inspect every truck until the next start rebuilds
        }
        if (entry.sequence() <= applied) {
            return;
        }
        if (entry.sequence() != applied + 1) {
            failed("feed entry " + entry.sequence() + " came after " + applied + ": entries were missed", null);
            return;
        }
        try {
            entry.changes().forEach(this::apply);
        } catch (RuntimeException e) {
            failed(
                    "feed entry " + entry.sequence() + " (registry change " + entry.registrySequence()
                            + ") could not be applied: " + e,
                    e);
            return;
        }
        applied = entry.sequence();
        state.put(APPLIED_KEY, Long.toString(applied));
    }

    @Override
    public void resynchronise(FeedSource from, String reason) {
        if (source == null) {
            rebuildAtStart(reason);
            return;
        }
        markStale(reason);
        rebuild(reason);
    }

    /**
     * The journal has been read: rebuilds the views if anything found on the way (or before) says
     * they are not exactly the feed's state at {@code feed.sequence()}, then goes live.
     *
     * @return how many lane changes a rebuild applied (0 when none was needed)
     */
    public long finishStart(FeedSource feed) {
        this.source = feed;
        String reason = rebuildAtStart;
        rebuildAtStart = null;
        if (reason == null && applied != feed.sequence()) {
            reason = "it applied feed entry " + applied + " but the feed is at " + feed.sequence();
        }
        if (reason == null) {
            return 0;
        }
        markStale(reason);
        return rebuild(reason);
    }

    /**
     * Role lane: the feed comes from a remote registry, and {@code remote} fetches its snapshot.
     * Rebuilds now if anything found says the views are not the feed's state at their applied
     * sequence, or if they hold nothing yet (a new data folder); entries after the applied sequence
     * come from the topic. A rebuild that cannot reach the registry leaves the views stale (every
     * truck inspected) until a retry succeeds.
     *
     * @return how many lane changes a rebuild applied (0 when none was needed or it failed)
     */
    public long finishStartFromRemote(FeedSource remote) {
        this.source = remote;
        String reason = rebuildAtStart;
        rebuildAtStart = null;
        if (reason == null && applied == 0) {
            reason = "the lane engine holds no view yet";
        }
        if (reason == null) {
            return 0;
        }
        markStale(reason);
        return rebuild(reason);
    }

    private void failed(String reason, RuntimeException cause) {
        markStale(reason);
        if (source == null) {
            LOG.error(
                    "The lane view is stale: {}; it is rebuilt from the registry once the journal is read",
                    reason,
                    cause);
            rebuildAtStart(reason);
            return;
        }
        LOG.error(
                "The lane view is stale: {}; rebuilding it from the registry now (trucks are inspected meanwhile)",
                reason,
                cause);
        rebuild(reason);
    }

    /** Persisted before anything is cleared, so that a crash in the middle of a rebuild rebuilds again. */
    private void markStale(String reason) {
        lane.trust(false);
        staleReason = reason;
        state.put(STALE_KEY, reason.length() > 200 ? reason.substring(0, 200) : reason);
    }

    private long rebuild(String reason) {
        long started = System.nanoTime();
        try {
            lane.clear();
            risk.clear();
            long[] n = {0};
            long at = source.snapshot(change -> {
                apply(change);
                n[0]++;
            });
            applied = at;
            state.put(APPLIED_KEY, Long.toString(at));
            state.put(FORMAT_KEY, FORMAT);
            state.remove(STALE_KEY);
            staleReason = null;
            lane.trust(true);
            LOG.info(
                    "Rebuilt the lane view from the registry ({} lane changes, feed at {}, in {} ms) because {}",
                    n[0],
                    at,
                    java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    reason);
            return n[0];
        } catch (RuntimeException e) {
            LOG.error(
                    "Could not rebuild the lane view; it stays stale and every truck is inspected until a restart"
                            + " rebuilds it",
                    e);
            return 0;
        }
    }

    private void apply(LaneChange change) {
        if (change instanceof LaneChange.BundleActivated c) {
            lane.bundleActivated(c);
        } else if (change instanceof LaneChange.BundleEnded c) {
            lane.bundleEnded(c);
        } else if (change instanceof LaneChange.VehicleRegistered c) {
            lane.vehicleRegistered(c);
        } else if (change instanceof LaneChange.ConsignmentBundled c) {
            lane.consignmentBundled(c);
        } else if (change instanceof LaneChange.ConsignmentUnbundled c) {
            lane.consignmentUnbundled(c);
        } else if (change instanceof LaneChange.AccountSuspended c) {
            lane.accountSuspended(c);
        } else if (change instanceof LaneChange.AccountReinstated c) {
            lane.accountReinstated(c);
        } else if (change instanceof LaneChange.WatchEntryAdded c) {
            risk.watchEntryAdded(c.entryId(), c.kind().name(), c.canonicalValue());
        } else if (change instanceof LaneChange.WatchEntryRemoved c) {
            risk.watchEntryRemoved(c.entryId());
        } else if (change instanceof LaneChange.RandomRateChanged c) {
            risk.rateChanged(c.controlPoint(), c.rate());
        } else if (change instanceof LaneChange.CloneSuspected c) {
            cloneAlerts.accept(c);
        } else if (!(change instanceof LaneChange.CrossingRecorded)) {
            throw new IllegalStateException(
                    "no way to apply " + change.getClass().getSimpleName());
        }
        // A crossing needs nothing here: this engine's own lane reported it, and its bundle's end
        // comes in the same entry. Lane engines at other control points will use it.
    }

    /** Raises each suspected clone the registry reports (to the lane consoles). */
    public void onCloneSuspected(Consumer<LaneChange.CloneSuspected> alerts) {
        this.cloneAlerts = alerts;
    }

    /** The last feed sequence applied to the views. */
    public long applied() {
        return applied;
    }

    /** Why the views are stale, or null when they are current. */
    public String staleReason() {
        return staleReason;
    }

    public boolean isStale() {
        return staleReason != null;
    }
}
