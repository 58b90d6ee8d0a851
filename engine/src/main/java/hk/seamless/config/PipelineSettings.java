package hk.seamless.config;

import java.time.Duration;

/**
 * How the lane pipeline runs.
 *
 * @param ringSize                  slots in the Disruptor ring (a power of two); a full ring is a 503
 * @param plateConfidenceThreshold  below this (0-100) a plate read alone does not identify a vehicle
 * @param waitStrategy              how the consumer waits: blocking (the default) frees the core for
 *                                  Vert.x on 2-core machines
 * @param releaseValidity           how long a RELEASE stays good for a gate: a gate that reconnects
 *                                  or receives it late must not open on a stale one
 * @param tickInterval              how often the fusion windows are checked for expiry
 * @param presenceWindow            how long after its last read a decided vehicle counts as still at
 *                                  the lane (its further reads are recorded, never decided again, and
 *                                  an officer's RELEASE may still reach the gate); a lane's loop
 *                                  detector reporting CLEAR ends it sooner
 */
public record PipelineSettings(
        int ringSize,
        int plateConfidenceThreshold,
        WaitStrategyKind waitStrategy,
        Duration releaseValidity,
        Duration tickInterval,
        Duration presenceWindow) {

    public static PipelineSettings defaults() {
        return new PipelineSettings(
                8192,
                80,
                WaitStrategyKind.BLOCKING,
                Duration.ofSeconds(10),
                Duration.ofMillis(20),
                Duration.ofSeconds(10));
    }
}
