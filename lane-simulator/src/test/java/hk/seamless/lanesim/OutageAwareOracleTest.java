package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The oracle over a registry and lane engines: a bundle made during the run is judged by what the
 * lane engine could know of it, from the feed readings and the outage's times (nanoseconds on a made-up
 * time line here, as System.nanoTime() in a run).
 */
class OutageAwareOracleTest {

    static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    static final long S = 1_000_000_000L;

    final FeedTimeline feed = new FeedTimeline();
    final Oracle oracle = new Oracle(Duration.ofSeconds(2), feed);

    /** A vehicle bundled at the registry from {@code startedAt} to {@code answeredAt} (seconds on the time line). */
    static SimVehicle bundledDuringRun(double startedAt, double answeredAt) {
        SimVehicle v = OracleTest.bundled("FU 1234", NOW.minusSeconds(60));
        v.made = new FeedTimeline.BundleMade((long) (startedAt * S), (long) (answeredAt * S));
        return v;
    }

    Oracle.Expectation sentAt(SimVehicle v, double seconds) {
        return oracle.expect(Scenario.ONTIME, v, null, NOW)
                .doubtful(new Oracle.Doubt(v.made, "LMC", (long) (seconds * S)));
    }

    static Decision release() {
        return OracleTest.decision("RELEASE", "FU1234", "B1");
    }

    static Decision unknownBundle() {
        return OracleTest.decision("INSPECT", "FU1234", null, "NO_BUNDLE");
    }

    /** The registry issued {@code issued} (read from {@code at} to {@code at} + 10 ms); the lane engine had applied {@code applied}. */
    void readings(double at, long issued, long applied) {
        long t = (long) (at * S);
        feed.issued(t, t + 10_000_000L, issued);
        feed.applied("LMC", t, t + 10_000_000L, applied);
    }

    @Test
    void aBundleTheLaneEngineHadAppliedBeforeTheReadsMustBeReleased() {
        SimVehicle v = bundledDuringRun(10.0, 10.1);
        readings(10.2, 500, 480); // issued after the bundle: its entry is at most 500
        readings(11.0, 500, 500); // the lane engine has applied 500 by 11.01
        Oracle.Expectation settled = oracle.settle(sentAt(v, 11.2), (long) (11.3 * S));
        assertEquals(FeedTimeline.Knowledge.KNOWN, oracle.knowledge(sentAt(v, 11.2), (long) (11.3 * S)));
        assertNull(Oracle.wrongness(settled, release()));
        assertNotNull(Oracle.wrongness(settled, unknownBundle()), "a bundle it had cannot be unknown there");
    }

    @Test
    void aBundleMadeWhileCutOffAndDecidedBeforeTheFeedCameBackMustBeAnUnknownBundle() {
        feed.cutStarted(20 * S);
        feed.cutDone((long) (20.05 * S));
        SimVehicle v = bundledDuringRun(25.0, 25.1);
        readings(25.2, 700, 650);
        readings(26.5, 700, 650); // cut off: the lane engine is stuck
        Oracle.Expectation settled = oracle.settle(sentAt(v, 26.2), (long) (26.3 * S));
        assertEquals(List.of(Oracle.UNKNOWN_BUNDLE), settled.acceptable());
        assertFalse(settled.randomEligible());
        assertNull(Oracle.wrongness(settled, unknownBundle()));
        assertNotNull(Oracle.wrongness(settled, release()), "a RELEASE it could not have made rightly counts wrong");
        assertNotNull(Oracle.wrongness(settled, OracleTest.decision("INSPECT", "FU1234", "B1", "RANDOM_SELECTION")));
    }

    @Test
    void aBundleKnownBeforeTheCutIsStillReleasedWhileCutOff() {
        SimVehicle v = bundledDuringRun(5.0, 5.1);
        readings(5.2, 300, 290);
        readings(6.5, 300, 300);
        feed.cutStarted(20 * S);
        feed.cutDone((long) (20.05 * S));
        Oracle.Expectation settled = oracle.settle(sentAt(v, 25.0), (long) (25.1 * S));
        assertNull(Oracle.wrongness(settled, release()));
        assertNotNull(
                Oracle.wrongness(settled, unknownBundle()), "it had the bundle before the cut: inspecting it is wrong");
        assertTrue(feed.cutOffAt((long) (25.1 * S)));
    }

    @Test
    void whatTheLaneEngineMayOrMayNotHaveHadYetMayBeEither() {
        feed.cutStarted(20 * S);
        feed.cutDone((long) (20.05 * S));
        SimVehicle duringCut = bundledDuringRun(25.0, 25.1);
        readings(25.2, 700, 650);
        feed.restoreStarted(30 * S);
        feed.restoreDone((long) (30.05 * S));
        // Decided after the restore began, before any reading shows the lane engine caught up.
        Oracle.Expectation settled = oracle.settle(sentAt(duringCut, 29.9), (long) (30.2 * S));
        assertEquals(FeedTimeline.Knowledge.EITHER, oracle.knowledge(sentAt(duringCut, 29.9), (long) (30.2 * S)));
        assertNull(Oracle.wrongness(settled, release()));
        assertNull(Oracle.wrongness(settled, unknownBundle()));
        assertNotNull(
                Oracle.wrongness(settled, OracleTest.decision("REFER", "FU1234", null, "UNIDENTIFIED_VEHICLE")),
                "either is still only those two");
        assertNotNull(
                Oracle.wrongness(settled, OracleTest.decision("RELEASE", "FU1234", "B9")),
                "a RELEASE names its bundle");

        // Bundled while the cut was being made (the command not yet done): either.
        SimVehicle racing = bundledDuringRun(20.01, 20.1);
        assertEquals(FeedTimeline.Knowledge.EITHER, oracle.knowledge(sentAt(racing, 22), 22 * S + 1));
        // No reading yet after the bundle: no evidence that it was known, either is right.
        assertEquals(
                FeedTimeline.Knowledge.EITHER,
                new Oracle(Duration.ofSeconds(2), new FeedTimeline())
                        .knowledge(sentAt(bundledDuringRun(1, 1.1), 2), 2 * S + 1));
    }

    @Test
    void evidenceThatTheLaneEngineHadItWinsOverTheCut() {
        feed.cutStarted(20 * S);
        feed.cutDone((long) (20.05 * S));
        SimVehicle v = bundledDuringRun(25.0, 25.1);
        readings(25.2, 700, 650);
        readings(26.0, 700, 700); // it applied the bundle: the "cut" did not cut this lane engine off
        Oracle.Expectation settled = oracle.settle(sentAt(v, 26.5), (long) (26.6 * S));
        assertNull(Oracle.wrongness(settled, release()));
        assertNotNull(Oracle.wrongness(settled, unknownBundle()));
    }

    @Test
    void aReadingCountsOnlyOnceAnsweredAndOnlyForTheControlPointItCameFrom() {
        SimVehicle v = bundledDuringRun(10.0, 10.1);
        feed.issued((long) (10.2 * S), (long) (10.21 * S), 500);
        feed.applied("LMC", (long) (11.0 * S), (long) (12.0 * S), 500); // answered only after the reads were sent
        feed.applied("SBC", (long) (10.5 * S), (long) (10.6 * S), 900);
        assertEquals(FeedTimeline.Knowledge.EITHER, oracle.knowledge(sentAt(v, 11.5), (long) (11.6 * S)));
        assertEquals(-1, feed.appliedBy("MKT", 100 * S));
    }

    @Test
    void withoutAFeedNothingIsInDoubt() {
        Oracle plain = new Oracle(Duration.ofSeconds(2));
        SimVehicle v = bundledDuringRun(1, 1.1);
        Oracle.Expectation e = plain.expect(Scenario.ONTIME, v, null, NOW).doubtful(new Oracle.Doubt(v.made, "LMC", S));
        assertEquals(e, plain.settle(e, 2 * S));
        assertEquals(Set.of(), plain.settle(e, 2 * S).acceptable().get(0).reasons());
    }
}
