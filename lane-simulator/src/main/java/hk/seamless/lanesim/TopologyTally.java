package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run over a registry and lane engines, counted per control point: decisions, RELEASEs, wrong
 * ones, those heard while the feed was cut, and the bundles made during the run by what the lane
 * engine could know of them (known, unknown, either) and whether it inspected them as unknown.
 * Also every bundle a lane engine released, for the check at the registry afterwards.
 */
final class TopologyTally {

    /** One control point's counts. */
    static final class PerControlPoint {
        final AtomicLong decided = new AtomicLong();
        final AtomicLong released = new AtomicLong();
        final AtomicLong wrong = new AtomicLong();
        final AtomicLong decidedWhileCut = new AtomicLong();
        final AtomicLong releasedWhileCut = new AtomicLong();
        final AtomicLong liveKnown = new AtomicLong();
        final AtomicLong liveUnknown = new AtomicLong();
        final AtomicLong liveEither = new AtomicLong();
        /** Bundles made during the run that the lane engine decided as unknown (INSPECT NO_BUNDLE). */
        final AtomicLong liveInspectedUnknown = new AtomicLong();

        JsonObject json() {
            return new JsonObject()
                    .put("decided", decided.get())
                    .put("released", released.get())
                    .put("wrong", wrong.get())
                    .put("decidedWhileCut", decidedWhileCut.get())
                    .put("releasedWhileCut", releasedWhileCut.get())
                    .put(
                            "bundlesMadeDuringRun",
                            new JsonObject()
                                    .put("known", liveKnown.get())
                                    .put("unknown", liveUnknown.get())
                                    .put("either", liveEither.get())
                                    .put("inspectedAsUnknown", liveInspectedUnknown.get()));
        }
    }

    private final Map<String, PerControlPoint> byControlPoint = new ConcurrentHashMap<>();
    final Set<String> releasedBundles = ConcurrentHashMap.newKeySet();

    PerControlPoint of(String controlPoint) {
        return byControlPoint.computeIfAbsent(controlPoint, cp -> new PerControlPoint());
    }

    /**
     * One decision at a lane of {@code controlPoint}.
     *
     * @param knowledge what the lane engine could know of a bundle made during the run, null for any other arrival
     */
    void decided(String controlPoint, Decision d, boolean right, boolean whileCut, FeedTimeline.Knowledge knowledge) {
        PerControlPoint c = of(controlPoint);
        c.decided.incrementAndGet();
        boolean release = Oracle.RELEASE.equals(d.decision());
        if (release) {
            c.released.incrementAndGet();
            if (d.bundleId() != null) {
                releasedBundles.add(d.bundleId());
            }
        }
        if (!right) {
            c.wrong.incrementAndGet();
        }
        if (whileCut) {
            c.decidedWhileCut.incrementAndGet();
            if (release) {
                c.releasedWhileCut.incrementAndGet();
            }
        }
        if (knowledge != null) {
            (switch (knowledge) {
                        case KNOWN -> c.liveKnown;
                        case UNKNOWN -> c.liveUnknown;
                        case EITHER -> c.liveEither;
                    })
                    .incrementAndGet();
            if (Oracle.INSPECT.equals(d.decision()) && d.reasons().equals(Set.of("NO_BUNDLE"))) {
                c.liveInspectedUnknown.incrementAndGet();
            }
        }
    }

    /** An arrival that never got its decision: wrong at its control point. */
    void undecided(String controlPoint) {
        of(controlPoint).wrong.incrementAndGet();
    }

    Map<String, PerControlPoint> all() {
        return new TreeMap<>(byControlPoint);
    }

    long decidedWhileCut() {
        return byControlPoint.values().stream()
                .mapToLong(c -> c.decidedWhileCut.get())
                .sum();
    }
}
