package hk.seamless.risk;

import hk.seamless.config.ControlPoint;
import hk.seamless.store.KeyValueStore;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lane side's view of the risk settings: the watch list and the random-selection rates, fed by
 * the lane feed (applied by {@link hk.seamless.lane.LaneFeedConsumer}, like
 * {@link hk.seamless.lane.LaneView}), so that the lane never reaches into the registry's own
 * records while deciding.
 *
 * <p><b>The watch list</b> is kept in the off-heap store {@code LANE_WATCHLIST} with three kinds of key:
 * <ul>
 * <li>{@code KIND|canonical value} (e.g. {@code VEHICLE|AB1234}, {@code PARTY|ACME TRADING CO LTD})
 *     to the entry id: what the lane looks up;</li>
 * <li>{@code id:<entryId>} to the first key: the reverse index. A removal reaches the feed as the
 *     entry id alone (the registry record is gone): the reverse key says which lane key to drop, at
 *     once, without scanning and without the lane reading the registry;</li>
 * <li>{@code rate:<control point>} to a rate a supervisor set.</li>
 * </ul>
 * The prefixes cannot collide ("id:" and "rate:" are no kind). Every write is idempotent, so
 * applying a feed entry again after a crash is harmless.
 *
 * <p><b>Rates</b> are few (one per control point): kept on the heap in an immutable map swapped on
 * change (copy on write, volatile), starting from the configured defaults overlaid with the
 * {@code rate:} keys found at construction.
 *
 * <p><b>Threads.</b> The writes run on the feed consumer's thread (the registry writer thread in
 * process). The read methods are for
 * the lane pipeline's deciding thread: they do not allocate in steady state beyond the one key
 * string of each watch-list look-up, built in a {@link StringBuilder} that belongs to the calling
 * thread (a thread-local, so the pipeline thread reuses its own; any other caller, such as a test,
 * gets its own too and cannot corrupt it). A hit also allocates the entry id read back.
 */
public final class RiskView {

    private static final String ID_PREFIX = "id:";
    private static final String RATE_PREFIX = "rate:";
    private static final String VEHICLE_PREFIX = WatchlistKind.VEHICLE.name() + "|";
    private static final String PARTY_PREFIX = WatchlistKind.PARTY.name() + "|";
    private static final String GOODS_PREFIX = WatchlistKind.GOODS.name() + "|";

    private final KeyValueStore watchlist;
    private final Map<String, Double> defaultRates;
    private volatile Map<String, Double> rates;
    private final TargetingRules targetingRules = new TargetingRules();
    private final ThreadLocal<StringBuilder> keys = ThreadLocal.withInitial(() -> new StringBuilder(256));

    public RiskView(Stores stores, List<ControlPoint> controlPoints) {
        this.watchlist = stores.store(StoreName.LANE_WATCHLIST);
        Map<String, Double> defaults = new HashMap<>();
        controlPoints.forEach(cp -> defaults.put(cp.code(), cp.randomInspectionRate()));
        this.defaultRates = Map.copyOf(defaults);
        Map<String, Double> current = new HashMap<>(defaults);
        watchlist.forEach((key, value) -> {
            if (key.startsWith(GOODS_PREFIX)) {
                targetingRules.add(key.substring(GOODS_PREFIX.length()));
            } else if (key.startsWith(RATE_PREFIX) && defaults.containsKey(key.substring(RATE_PREFIX.length()))) {
                current.put(key.substring(RATE_PREFIX.length()), Double.parseDouble(value));
            }
        });
        this.rates = Map.copyOf(current);
    }

    // ---- writes: the feed consumer only (the registry writer thread in process) ----

    /** A watch-list entry or targeting rule comes into force under its canonical value. */
    public void watchEntryAdded(String entryId, String kind, String canonicalValue) {
        String key = kind + "|" + canonicalValue;
        watchlist.put(key, entryId);
        watchlist.put(ID_PREFIX + entryId, key);
        if (key.startsWith(GOODS_PREFIX)) {
            targetingRules.add(canonicalValue);
        }
    }

    public void watchEntryRemoved(String entryId) {
        String key = watchlist.get(ID_PREFIX + entryId);
        if (key == null) {
            return;
        }
        // Only this entry's key is dropped: were the value listed again under a newer id, it stays.
        if (entryId.equals(watchlist.get(key))) {
            watchlist.remove(key);
            if (key.startsWith(GOODS_PREFIX)) {
                targetingRules.remove(key.substring(GOODS_PREFIX.length()));
            }
        }
        watchlist.remove(ID_PREFIX + entryId);
    }

    /** A control point's rate, or (null) back to its configured default; kept off-heap so it survives a restart. */
    public void rateChanged(String controlPoint, Double rate) {
        Double fallback = defaultRates.get(controlPoint);
        if (fallback == null) {
            return; // a control point no longer configured here
        }
        if (rate == null) {
            watchlist.remove(RATE_PREFIX + controlPoint);
        } else {
            watchlist.put(RATE_PREFIX + controlPoint, Double.toString(rate));
        }
        Map<String, Double> next = new HashMap<>(rates);
        next.put(controlPoint, rate == null ? fallback : rate);
        rates = Map.copyOf(next);
    }

    /** Forgets every entry, rule and set rate: the start of a rebuild from the registry's records. */
    public void clear() {
        watchlist.clear();
        targetingRules.clear();
        rates = defaultRates;
    }

    // ---- for the lane pipeline's deciding thread ----

    /** The id of the watch-list entry naming this vehicle ({@link hk.seamless.trade.VehicleMark#value()}), or null. */
    public String vehicleWatchEntry(CharSequence canonicalMark) {
        return lookUp(VEHICLE_PREFIX, canonicalMark);
    }

    /** The id of the watch-list entry naming this party ({@link PartyNames#canonical(CharSequence)}), or null. */
    public String partyWatchEntry(CharSequence canonicalName) {
        return lookUp(PARTY_PREFIX, canonicalName);
    }

    /** Whether the watch list names this vehicle; reads no value, allocates nothing. */
    public boolean isVehicleWatched(CharSequence canonicalMark) {
        return isListed(VEHICLE_PREFIX, canonicalMark);
    }

    /** Whether the watch list names this party; reads no value, allocates nothing. */
    public boolean isPartyWatched(CharSequence canonicalName) {
        return isListed(PARTY_PREFIX, canonicalName);
    }

    private boolean isListed(String prefix, CharSequence canonicalValue) {
        if (canonicalValue == null || canonicalValue.length() == 0) {
            return false;
        }
        StringBuilder key = keys.get();
        key.setLength(0);
        key.append(prefix).append(canonicalValue);
        return watchlist.containsKey(key);
    }

    /**
     * Whether a targeting rule in force now hits this description of goods (canonical, read in
     * place between {@code from} and {@code to}); allocates nothing.
     */
    public boolean isGoodsTargeted(CharSequence text, int from, int to) {
        return targetingRules.hitsAny(text, from, to);
    }

    /**
     * The random-selection rate in force at this control point.
     *
     * @throws IllegalArgumentException for a control point that is not configured: a lane belongs
     *                                  to a configured one, so this is a defect, and the fail-safe
     *                                  (no decision, gate closed) is the right outcome
     */
    public double randomRate(String controlPoint) {
        Double rate = rates.get(controlPoint);
        if (rate == null) {
            throw new IllegalArgumentException("no control point " + controlPoint);
        }
        return rate;
    }

    private String lookUp(String prefix, CharSequence canonicalValue) {
        if (canonicalValue == null || canonicalValue.length() == 0) {
            return null;
        }
        StringBuilder key = keys.get();
        key.setLength(0);
        key.append(prefix).append(canonicalValue);
        return watchlist.get(key.toString());
    }
}
