package hk.seamless.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hk.seamless.config.LogSettings;
import hk.seamless.http.TestClock;
import hk.seamless.log.SegmentedLog;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start reads the lane log from its end, only as far back as the board's arrivals and the RELEASEs
 * whose crossing may be unrecorded need: not the whole history.
 */
class LaneJournalReplayTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(TestClock.hongKong(2026, 12, 1, 9, 0, 0));

    private static byte[] release(String bundleId, String decidedAt) {
        return new JsonObject()
                .put("entry", "DECISION")
                .put("decision", "RELEASE")
                .put("bundleId", bundleId)
                .put("controlPoint", "SBC")
                .put("lane", "SBC-S-02")
                .put("arrivalId", "A-" + bundleId)
                .put("decidedAt", decidedAt)
                .encode()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** 100 RELEASEs on the 1st of December, then 10 on the 3rd: two days apart. */
    private SegmentedLog twoDaysOfReleases() {
        SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {});
        for (int i = 0; i < 100; i++) {
            log.append(release("OLD" + i, "2026-12-01T01:00:00Z"));
        }
        clock.advance(Duration.ofDays(2));
        for (int i = 0; i < 10; i++) {
            log.append(release("NEW" + i, "2026-12-03T01:00:00Z"));
        }
        return log;
    }

    @Test
    void aStartReadsBackOnlyOverTheLastDayWhenTheBoardNeedsNoMore() {
        try (SegmentedLog log = twoDaysOfReleases()) {
            assertEquals(
                    101, LaneJournalReplay.startOfWhatMatters(log.reader(), 3, Duration.ofDays(1), Long.MAX_VALUE));
            LaneJournalReplay replay = LaneJournalReplay.read(log.reader(), 3, Duration.ofDays(1));
            assertEquals(
                    10, replay.releasesByBundle().size(), "the RELEASEs of the last day, not those of two days before");
            assertEquals("NEW0", replay.releasesByBundle().keySet().iterator().next());
        }
    }

    @Test
    void aStartReadsFurtherBackForTheBoardsArrivals() {
        try (SegmentedLog log = twoDaysOfReleases()) {
            assertEquals(
                    91,
                    LaneJournalReplay.startOfWhatMatters(log.reader(), 20, Duration.ofDays(1), Long.MAX_VALUE),
                    "20 decisions: the last 10 of the day before too");
        }
    }

    @Test
    void aLaneEngineReadsBackToItsFirstReleaseKafkaNeverTook() {
        try (SegmentedLog log = twoDaysOfReleases()) {
            // Cut off for two days: Kafka took the first 60 entries, the other 40 of the 1st never left.
            LaneJournalReplay replay = LaneJournalReplay.read(log.reader(), 3, 60);
            assertEquals(
                    50,
                    replay.releasesByBundle().size(),
                    "the 40 unreported RELEASEs of two days before, and the 10 of the last day");
            assertEquals("OLD60", replay.releasesByBundle().keySet().iterator().next());
            assertEquals(
                    10,
                    LaneJournalReplay.read(log.reader(), 3, 105)
                            .releasesByBundle()
                            .size(),
                    "all reported but the last five: the last day only");
        }
    }

    @Test
    void anEmptyLaneLogGivesAnEmptyBoard() {
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {})) {
            LaneJournalReplay replay = LaneJournalReplay.read(log.reader(), 50_000);
            assertEquals(0, replay.releasesByBundle().size());
            assertEquals(0, replay.recentArrivals().size());
        }
    }
}
