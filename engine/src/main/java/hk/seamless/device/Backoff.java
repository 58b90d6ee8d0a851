package hk.seamless.device;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before reaching a device again: doubling from a first wait up to a cap, each
 * wait jittered (half to the full amount) so that the lanes of a control point that lost their
 * network together do not all call back at the same instant.
 */
public final class Backoff {

    private final long firstMillis;
    private final long capMillis;
    private long current;

    public Backoff(long firstMillis, long capMillis) {
        this.firstMillis = firstMillis;
        this.capMillis = capMillis;
        this.current = firstMillis;
    }

    public long next() {
        long wait = current / 2 + ThreadLocalRandom.current().nextLong(current / 2 + 1);
        current = Math.min(capMillis, current * 2);
        return wait;
    }

    public void reset() {
        current = firstMillis;
    }
}
