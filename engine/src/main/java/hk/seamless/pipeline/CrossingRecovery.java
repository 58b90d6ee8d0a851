package hk.seamless.pipeline;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A RELEASE is journalled by the lane before the registry records its crossing; a process killed
 * in between would leave the bundle ACTIVE, good for a second crossing. At start, every released
 * bundle in the lane journal whose crossing the registry has not recorded (still ACTIVE, or
 * unbundled by the trucker since) is reported again.
 */
public final class CrossingRecovery {

    private CrossingRecovery() {}

    /** @return how many crossings were reported again */
    public static int reportUnrecorded(
            LaneJournalReplay journal, Predicate<String> stillActive, CrossingReporter reporter) {
        int reported = 0;
        for (Map.Entry<String, JsonObject> release : journal.releasesByBundle().entrySet()) {
            if (stillActive.test(release.getKey())) {
                JsonObject e = release.getValue();
                reporter.crossed(
                        release.getKey(),
                        e.getString("controlPoint"),
                        e.getString("lane"),
                        e.getString("arrivalId"),
                        OffsetDateTime.parse(e.getString("decidedAt"))
                                .toInstant()
                                .toEpochMilli());
                reported++;
            }
        }
        return reported;
    }
}
