package hk.seamless.lanesim;

import java.util.Locale;

/**
 * Whether the engine picks RANDOM_SELECTION at the rate in force. Each arrival that would
 * otherwise be released is a Bernoulli trial with its control point's rate p; the number picked
 * must lie within {@code SIGMAS} standard deviations of the sum of the p (a binomial, or
 * Poisson-binomial when control points differ). Wrong only if that bound is broken.
 */
final class RandomSelectionCheck {

    static final double SIGMAS = 4.0;

    private long trials;
    private long selected;
    private double mean;
    private double variance;

    synchronized void add(double rate, boolean picked) {
        trials++;
        mean += rate;
        variance += rate * (1 - rate);
        if (picked) {
            selected++;
        }
    }

    synchronized long trials() {
        return trials;
    }

    synchronized long selected() {
        return selected;
    }

    synchronized double expected() {
        return mean;
    }

    synchronized double low() {
        return mean - SIGMAS * Math.sqrt(variance);
    }

    synchronized double high() {
        return mean + SIGMAS * Math.sqrt(variance);
    }

    synchronized boolean withinBounds() {
        return selected >= low() - 1e-9 && selected <= high() + 1e-9;
    }

    synchronized String text() {
        return String.format(
                Locale.ROOT,
                "%d of %d eligible arrivals selected (%.2f%%); expected %.1f, bounds [%.1f, %.1f] (%s sd): %s",
                selected,
                trials,
                trials == 0 ? 0.0 : 100.0 * selected / trials,
                mean,
                Math.max(0, low()),
                high(),
                (int) SIGMAS,
                withinBounds() ? "within" : "OUT OF BOUNDS");
    }
}
