package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    static final List<LaneInfo> LANES = List.of(
            new LaneInfo("LMC-S-01", "LMC", "IMPORT"),
            new LaneInfo("LMC-S-02", "LMC", "IMPORT"),
            new LaneInfo("LMC-S-03", "LMC", "IMPORT"),
            new LaneInfo("LMC-N-01", "LMC", "EXPORT"),
            new LaneInfo("LMC-N-02", "LMC", "EXPORT"));

    @Test
    void arrivalsAreEvenlySpacedOpenLoopWithTheWarmUpFirst() {
        ArrivalSchedule s = ArrivalSchedule.plan(
                500, 1_000_000_000L, 2_000_000_000L, LANES, ScenarioMix.parse(ScenarioMix.DEFAULT), 7);
        assertEquals(1500, s.arrivals().size());
        for (int i = 0; i < s.arrivals().size(); i++) {
            ArrivalSchedule.Planned p = s.arrivals().get(i);
            assertEquals(i * 2_000_000L, p.dueNanos());
            assertEquals(p.dueNanos() < 1_000_000_000L, p.warmup());
        }
        assertEquals(
                500,
                s.arrivals().stream().filter(ArrivalSchedule.Planned::warmup).count());
    }

    @Test
    void arrivalsWithoutATagHaveLanesOfTheirOwnOnePerDirection() {
        ArrivalSchedule s =
                ArrivalSchedule.plan(1000, 0, 5_000_000_000L, LANES, ScenarioMix.parse(ScenarioMix.DEFAULT), 7);
        assertEquals(List.of(2, 4), s.plateOnlyLanes());
        for (ArrivalSchedule.Planned p : s.arrivals()) {
            assertEquals(!p.scenario().tagRead, s.plateOnlyLanes().contains(p.lane()), p.toString());
        }
        Map<Scenario, Integer> n = new EnumMap<>(Scenario.class);
        s.arrivals().forEach(p -> n.merge(p.scenario(), 1, Integer::sum));
        assertEquals(0.54, n.get(Scenario.ONTIME) / 5000.0, 0.03); // the default mix's share (54 of 100)
        assertEquals(0.04, n.get(Scenario.NOTAG) / 5000.0, 0.01);
        assertTrue(s.counts(LANES).get(Scenario.NOTAG).keySet().containsAll(List.of("IMPORT", "EXPORT")));
    }

    @Test
    void theSameSeedGivesTheSameTraffic() {
        ScenarioMix mix = ScenarioMix.parse("ontime=1,unbundled=1,notag=1");
        assertEquals(
                ArrivalSchedule.plan(100, 0, 3_000_000_000L, LANES, mix, 42).arrivals(),
                ArrivalSchedule.plan(100, 0, 3_000_000_000L, LANES, mix, 42).arrivals());
        assertFalse(ArrivalSchedule.plan(100, 0, 3_000_000_000L, LANES, mix, 42)
                .arrivals()
                .equals(ArrivalSchedule.plan(100, 0, 3_000_000_000L, LANES, mix, 43)
                        .arrivals()));
    }

    @Test
    void oneLaneCannotCarryBothKindsAndAMixMustMakeSense() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ArrivalSchedule.plan(
                        10, 0, 1_000_000_000L, LANES.subList(0, 1), ScenarioMix.parse("ontime=9,notag=1"), 1));
        assertEquals(
                1,
                ArrivalSchedule.plan(10, 0, 1_000_000_000L, LANES.subList(0, 1), ScenarioMix.parse("ontime=1"), 1)
                        .arrivals()
                        .stream()
                        .mapToInt(ArrivalSchedule.Planned::lane)
                        .distinct()
                        .count());
        assertThrows(IllegalArgumentException.class, () -> ScenarioMix.parse("ontime=1,flying=2"));
        assertThrows(IllegalArgumentException.class, () -> ScenarioMix.parse("ontime=0"));
        assertEquals(
                "ontime=75,notag=5",
                ScenarioMix.parse("ontime=70,early=5,notag=5")
                        .moving(Scenario.EARLY, Scenario.ONTIME)
                        .toString());
    }

    @Test
    void gateDropArrivalsHaveALaneOfTheirOwnThatNoOtherArrivalTakes() {
        ArrivalSchedule s =
                ArrivalSchedule.plan(1000, 0, 5_000_000_000L, LANES, ScenarioMix.parse(ScenarioMix.DEFAULT), 7);
        // IMPORT: S-03 plate-only; of S-01 and S-02 (IMPORT keeps two lanes with tags) the last drops its gate.
        assertEquals(1, s.gateDropLane());
        long gateDrops = 0;
        for (ArrivalSchedule.Planned p : s.arrivals()) {
            assertEquals(p.scenario() == Scenario.GATEDROP, p.lane() == s.gateDropLane(), p.toString());
            gateDrops += p.scenario() == Scenario.GATEDROP ? 1 : 0;
        }
        assertEquals(0.02, gateDrops / 5000.0, 0.01);
        assertEquals(
                -1,
                ArrivalSchedule.plan(100, 0, 1_000_000_000L, LANES, ScenarioMix.parse("ontime=1,notag=1"), 7)
                        .gateDropLane());
        // Two lanes cannot hold plate-only arrivals, arrivals with tags and a gate that drops.
        IllegalArgumentException tooFew = assertThrows(
                IllegalArgumentException.class,
                () -> ArrivalSchedule.plan(
                        10,
                        0,
                        1_000_000_000L,
                        LANES.subList(0, 2),
                        ScenarioMix.parse("ontime=5,notag=1,gatedrop=1"),
                        1));
        assertTrue(tooFew.getMessage().contains("gatedrop"), tooFew.getMessage());
        assertEquals(
                0,
                ArrivalSchedule.plan(10, 0, 1_000_000_000L, LANES.subList(0, 1), ScenarioMix.parse("gatedrop=1"), 1)
                        .gateDropLane(),
                "a run of gate drops alone has the one lane");
    }

    @Test
    void everyScenarioWithoutATagGetsThePlateOnlyLanes() {
        for (Scenario plateOnly :
                List.of(Scenario.NOTAG, Scenario.LOWCONF, Scenario.MULTIFRAME, Scenario.TWIN, Scenario.LOWCAND)) {
            ArrivalSchedule s = ArrivalSchedule.plan(
                    100, 0, 1_000_000_000L, LANES, ScenarioMix.parse("ontime=1," + plateOnly.label() + "=1"), 3);
            assertEquals(List.of(2, 4), s.plateOnlyLanes(), plateOnly.label());
            s.arrivals()
                    .forEach(p -> assertEquals(
                            p.scenario() == plateOnly, s.plateOnlyLanes().contains(p.lane()), p.toString()));
        }
    }

    @Test
    void theDefaultMixPlaysEveryScenario() {
        ScenarioMix mix = ScenarioMix.parse(ScenarioMix.DEFAULT);
        for (Scenario scenario : Scenario.values()) {
            assertTrue(mix.has(scenario), scenario.label());
        }
    }

    @Test
    void fleetsAreSharedOutAndReleasingScenariosGetOneVehicleEach() {
        Map<Scenario, Map<String, Integer>> counts = new EnumMap<>(Scenario.class);
        counts.put(Scenario.ONTIME, Map.of("IMPORT", 700, "EXPORT", 650));
        counts.put(Scenario.MISMATCH, Map.of("IMPORT", 30, "EXPORT", 20));
        counts.put(Scenario.UNBUNDLED, Map.of("IMPORT", 3));
        Map<String, Integer> sizes = VehiclePools.sizes(counts, 60);
        assertEquals(700, sizes.get("ONTIME|IMPORT"));
        assertEquals(650, sizes.get("ONTIME|EXPORT"));
        assertEquals(59, sizes.get("MISMATCH|ANY")); // 100 of 103 vehicle-uses, two per arrival
        assertEquals(3, sizes.get("UNBUNDLED|ANY")); // never more than its arrivals
    }
}
