package hk.seamless.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the lane pipeline's consumer waits for the next event. On 2 cores the blocking kinds leave
 * the core to Vert.x between bursts; the spinning kinds answer sooner and burn a core each.
 */
public enum WaitStrategyKind {
    /** Parks on a lock and condition; every publish signals it (the default). */
    BLOCKING,
    /** As blocking, but a publish signals only when the consumer is actually parked. */
    LITE_BLOCKING,
    /**
     * Spins for a few microseconds after each event, yields for some tens more, then parks as
     * lite-blocking: a tag read that follows its plate by microseconds finds the consumer awake
     * instead of paying for a wake-up, while an idle lane side costs no core.
     */
    PHASED,
    /** Spins, then yields, then sleeps briefly: low latency at the cost of some CPU while idle. */
    SLEEPING,
    /** Spins and yields: the lowest latency, a whole core. */
    YIELDING;

    /** The setting's spelling: {@code blocking}, {@code lite-blocking}, {@code phased}, {@code sleeping}, {@code yielding}. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static WaitStrategyKind fromSetting(String text) {
        for (WaitStrategyKind kind : values()) {
            if (kind.settingName().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("one of "
                + Arrays.stream(values()).map(WaitStrategyKind::settingName).toList());
    }
}
