package hk.seamless.risk;

import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Random selection for inspection (reason RANDOM_SELECTION), reproducible when a seed is given
 * ({@code SEAMLESS_RANDOM_SEED}): the same seed and the same arrivals in the same order select the
 * same vehicles, so that a test run or an incident can be played again. Without a seed the
 * sequence starts from a {@link SecureRandom} seed, which {@link #seed()} tells (log it, and the
 * run can still be reproduced).
 *
 * <p>Not thread-safe, on purpose: one instance belongs to the pipeline's single deciding thread,
 * and the order of draws is what makes a run reproducible. Exactly one draw is made per call,
 * whatever the rate, so a rate changed mid-run does not shift the draws of later arrivals.
 */
public final class RandomSelection {

    private final long seed;
    private final SplittableRandom random;

    public RandomSelection(OptionalLong seed) {
        this.seed = seed.isPresent() ? seed.getAsLong() : new SecureRandom().nextLong();
        this.random = new SplittableRandom(this.seed);
    }

    /**
     * Whether this arrival is selected, with probability {@code rate}: 0 never, 1 always. A rate
     * that is not a number selects nothing.
     */
    public boolean select(double rate) {
        // nextDouble() is in [0, 1): below 0 never, below 1 always.
        return random.nextDouble() < rate;
    }

    /** The seed this sequence started from. */
    public long seed() {
        return seed;
    }
}
