package hk.seamless.http;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.PipelineSettings;
import hk.seamless.config.WaitStrategyKind;
import org.junit.jupiter.api.Test;

/**
 * The pipeline with the "phased" wait strategy (spin, yield, then park on a lite lock) decides as
 * the default one does, both when a tag follows its plate at once (the consumer still awake) and
 * when an arrival comes after the consumer has parked (it must be woken, or the lane would never
 * hear its decision). The default strategy is under every other lane test.
 */
class PhasedWaitLaneTest extends LaneHarness {

    @Override
    protected EngineConfig configure(EngineConfig config) {
        PipelineSettings p = config.pipeline();
        return config.withPipeline(new PipelineSettings(
                p.ringSize(),
                p.plateConfidenceThreshold(),
                WaitStrategyKind.PHASED,
                p.releaseValidity(),
                p.tickInterval(),
                p.presenceWindow()));
    }

    @Test
    void aBundledTruckIsReleasedAndAnUnbundledOneInspectedAfterTheConsumerHasParked() throws Exception {
        Rig rig = rig("IMPORT");
        Truck bundled = newTruck();
        bundleLaden(bundled.mark(), "IMPORT");
        Truck unbundled = newTruck();
        clock.advance(PAST_LEAD);

        assertDecision(arrive(rig, bundled), "RELEASE", "PROCEED");
        // Far past the spin and the yield: the consumer is parked when the next reads come.
        Thread.sleep(50);
        clock.advance(PAST_PRESENCE);
        assertDecision(arrive(rig, unbundled), "INSPECT", null, "NO_BUNDLE");
    }
}
