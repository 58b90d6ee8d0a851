package hk.seamless.pipeline;

import hk.seamless.store.Journal;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lane journal read once at start, for what the lane side must not forget across a restart:
 * the RELEASEs (a crossing the registry may not have recorded, see {@link CrossingRecovery}) and
 * the most recent arrivals as officers last saw them, so that the console's board is not blank
 * after a restart and a REFER that was waiting can still be resolved.
 */
public final class LaneJournalReplay {

    private final Map<String, JsonObject> releasesByBundle;
    private final Map<String, ArrivalRecord> recentArrivals;
    private final int unreadable;

    private LaneJournalReplay(Map<String, JsonObject> releasesByBundle, Map<String, ArrivalRecord> recentArrivals,
                              int unreadable) {
        this.releasesByBundle = releasesByBundle;
        this.recentArrivals = recentArrivals;
        this.unreadable = unreadable;
    }

    /** @param keepArrivals how many of the newest arrivals to keep, as {@link ArrivalRecords} does */
    public static LaneJournalReplay read(Path laneJournal, int keepArrivals) {
        Map<String, JsonObject> releases = new LinkedHashMap<>();
        Map<String, ArrivalRecord> arrivals = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ArrivalRecord> eldest) {
                return size() > keepArrivals;
            }
        };
        int[] unreadable = {0};
        if (Files.exists(laneJournal)) {
            Journal.open(laneJournal, false, bytes -> {
                JsonObject entry = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
                String bundleId = entry.getString("bundleId");
                if (bundleId != null && "RELEASE".equals(entry.getString("decision"))) {
                    releases.putIfAbsent(bundleId, entry);
                }
                try {
                    remember(entry, arrivals);
                } catch (RuntimeException e) {
                    // The board's history is a convenience: an entry this version cannot read (a
                    // reason code it does not know, say) is left out rather than stopping the start.
                    unreadable[0]++;
                }
            }).close();
        }
        return new LaneJournalReplay(releases, arrivals, unreadable[0]);
    }

    private static void remember(JsonObject entry, Map<String, ArrivalRecord> arrivals) {
        String kind = entry.getString("entry");
        if ("DECISION".equals(kind)) {
            arrivals.put(entry.getString("arrivalId"), DecisionMessages.record(entry));
        } else if ("OVERRIDE".equals(kind)) {
            // Replaced in place: an override keeps the arrival's position among the newest.
            arrivals.replace(entry.getString("arrivalId"), DecisionMessages.record(entry));
        } else if ("GATE_ACK".equals(kind)) {
            arrivals.computeIfPresent(entry.getString("arrivalId"), (id, r) -> r.withGateState(entry.getString("state")));
        } else if ("REPEAT_READ".equals(kind)) {
            arrivals.computeIfPresent(entry.getString("arrivalId"), (id, r) -> r.withRepeatReads(r.repeatReads() + 1));
        }
    }

    /** Arrival entries that could not be read back, and so are not on the board. */
    public int unreadable() {
        return unreadable;
    }

    /** The first RELEASE journalled for each bundle, in journal order. */
    public Map<String, JsonObject> releasesByBundle() {
        return Collections.unmodifiableMap(releasesByBundle);
    }

    /** The newest arrivals with their overrides and gate answers, oldest first. */
    public Collection<ArrivalRecord> recentArrivals() {
        return Collections.unmodifiableCollection(recentArrivals.values());
    }
}
