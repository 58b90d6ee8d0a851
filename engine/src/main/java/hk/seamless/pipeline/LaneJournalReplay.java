package hk.seamless.pipeline;

import hk.seamless.log.LogEntry;
import hk.seamless.log.LogReader;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of the lane log read once at start, for what the lane side must not forget across a
 * restart: the RELEASEs (a crossing the registry may not have recorded, see {@link
 * CrossingRecovery}) and the most recent arrivals as officers last saw them, so that the console's
 * board is not blank after a restart and a REFER that was waiting can still be resolved.
 *
 * <p>Only the end: a first pass walks back from the newest entry until it has passed both the
 * newest {@code keepArrivals} decisions and {@link #RELEASE_LOOKBACK} of log time; a second reads
 * forward from there, as the whole log used to be read. Why a day of RELEASEs is enough: the lane
 * hands a RELEASE's crossing to the registry the moment it decides, and the registry makes it
 * durable within milliseconds; it goes unrecorded only if the process dies in between, or if the
 * registry's disk failed (writes refused, readiness down) until a restart. Each start reports every
 * unrecorded RELEASE it reads, so what a start must find is only what came after the previous one
 * and went unrecorded: the last moments before a kill, or an outage of the registry no longer than
 * a day before the restart.
 */
public final class LaneJournalReplay {

    /** How far back, from the newest lane entry, RELEASEs are looked for. */
    public static final Duration RELEASE_LOOKBACK = Duration.ofDays(1);

    private final Map<String, JsonObject> releasesByBundle;
    private final Map<String, ArrivalRecord> recentArrivals;
    private final int unreadable;

    private LaneJournalReplay(
            Map<String, JsonObject> releasesByBundle, Map<String, ArrivalRecord> recentArrivals, int unreadable) {
        this.releasesByBundle = releasesByBundle;
        this.recentArrivals = recentArrivals;
        this.unreadable = unreadable;
    }

    /** @param keepArrivals how many of the newest arrivals to keep, as {@link ArrivalRecords} does */
    public static LaneJournalReplay read(LogReader laneLog, int keepArrivals) {
        return read(laneLog, keepArrivals, RELEASE_LOOKBACK, Long.MAX_VALUE);
    }

    /**
     * For a lane engine: also every entry after {@code reportedUpTo}, the last one Kafka took. A
     * RELEASE not yet reported is unknown to the registry however old it is (the engine may have
     * been cut off for days), and its bundle is still ACTIVE in this engine's views.
     */
    public static LaneJournalReplay read(LogReader laneLog, int keepArrivals, long reportedUpTo) {
        return read(laneLog, keepArrivals, RELEASE_LOOKBACK, reportedUpTo);
    }

    /**
     * Where the forward read begins: far enough back for {@code keepArrivals} decisions, the
     * lookback, and every entry after {@code reportedUpTo}.
     */
    static long startOfWhatMatters(LogReader laneLog, int keepArrivals, Duration lookback, long reportedUpTo) {
        long start = Long.MAX_VALUE;
        long decisions = 0;
        long newest = -1;
        try (java.util.stream.Stream<LogEntry> back = laneLog.backward(Long.MAX_VALUE)) {
            for (java.util.Iterator<LogEntry> it = back.iterator(); it.hasNext(); ) {
                LogEntry e = it.next();
                if (newest < 0) {
                    newest = e.appendedAtMillis();
                }
                if (decisions >= keepArrivals
                        && e.appendedAtMillis() < newest - lookback.toMillis()
                        && e.sequence() <= reportedUpTo) {
                    break;
                }
                start = e.sequence();
                if (isDecision(e.payload())) {
                    decisions++;
                }
            }
        }
        return start;
    }

    private static boolean isDecision(byte[] payload) {
        try {
            return "DECISION".equals(new JsonObject(new String(payload, StandardCharsets.UTF_8)).getString("entry"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** @param releaseLookback how far back from the newest entry RELEASEs are looked for */
    static LaneJournalReplay read(LogReader laneLog, int keepArrivals, Duration releaseLookback) {
        return read(laneLog, keepArrivals, releaseLookback, Long.MAX_VALUE);
    }

    private static LaneJournalReplay read(
            LogReader laneLog, int keepArrivals, Duration releaseLookback, long reportedUpTo) {
        Map<String, JsonObject> releases = new LinkedHashMap<>();
        Map<String, ArrivalRecord> arrivals = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ArrivalRecord> eldest) {
                return size() > keepArrivals;
            }
        };
        int[] unreadable = {0};
        long start = startOfWhatMatters(laneLog, keepArrivals, releaseLookback, reportedUpTo);
        try (java.util.stream.Stream<LogEntry> forward = laneLog.forward(start)) {
            forward.forEach(logEntry -> {
                JsonObject entry = decoded(logEntry);
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
            });
        }
        return new LaneJournalReplay(releases, arrivals, unreadable[0]);
    }

    /**
     * The entry's JSON. Its checksum held, so one that is not JSON was written so on purpose (a
     * checksum recomputed after an edit): damage, which stops the start as the registry log's does.
     */
    private static JsonObject decoded(LogEntry logEntry) {
        try {
            return new JsonObject(new String(logEntry.payload(), StandardCharsets.UTF_8));
        } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
            throw new hk.seamless.log.LogDamageException(
                    "entry " + logEntry.sequence() + " (in segment " + logEntry.segment() + ") is not a JSON object");
        }
    }

    private static void remember(JsonObject entry, Map<String, ArrivalRecord> arrivals) {
        String kind = entry.getString("entry");
        if ("DECISION".equals(kind)) {
            arrivals.put(entry.getString("arrivalId"), DecisionMessages.record(entry));
        } else if ("OVERRIDE".equals(kind)) {
            // Replaced in place: an override keeps the arrival's position among the newest.
            arrivals.replace(entry.getString("arrivalId"), DecisionMessages.record(entry));
        } else if ("GATE_ACK".equals(kind)) {
            arrivals.computeIfPresent(
                    entry.getString("arrivalId"), (id, r) -> r.withGateState(entry.getString("state")));
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
