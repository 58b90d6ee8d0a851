package hk.seamless.pipeline;

import hk.seamless.store.Journal;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A RELEASE is journalled by the lane before the registry records its crossing; a process killed
 * in between would leave the bundle ACTIVE, good for a second crossing. At start, every released
 * bundle in the lane journal that the registry still holds ACTIVE is reported again.
 */
public final class CrossingRecovery {

    private CrossingRecovery() {
    }

    /** @return how many crossings were reported again */
    public static int reportUnrecorded(Path laneJournal, Predicate<String> stillActive, CrossingReporter reporter) {
        if (!Files.exists(laneJournal)) {
            return 0;
        }
        Map<String, JsonObject> releases = new LinkedHashMap<>();
        Journal.open(laneJournal, false, bytes -> {
            JsonObject entry = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
            String bundleId = entry.getString("bundleId");
            if (bundleId != null && "RELEASE".equals(entry.getString("decision"))) {
                releases.putIfAbsent(bundleId, entry);
            }
        }).close();
        int reported = 0;
        for (Map.Entry<String, JsonObject> release : releases.entrySet()) {
            if (stillActive.test(release.getKey())) {
                JsonObject e = release.getValue();
                reporter.crossed(release.getKey(), e.getString("controlPoint"), e.getString("lane"), e.getString("arrivalId"),
                        OffsetDateTime.parse(e.getString("decidedAt")).toInstant().toEpochMilli());
                reported++;
            }
        }
        return reported;
    }
}
