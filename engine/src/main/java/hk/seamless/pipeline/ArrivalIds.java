package hk.seamless.pipeline;

/**
 * Arrival ids: the lane, the engine's start time and a counter ("LMC-S-03.m3x1k2.42"). Unique
 * across restarts without a random draw or a store look-up on the hot path.
 */
final class ArrivalIds {

    private final String boot;
    private long next;

    ArrivalIds(long bootMillis) {
        this.boot = Long.toString(bootMillis, 36);
    }

    String next(String laneId) {
        return laneId + "." + boot + "." + (++next);
    }
}
