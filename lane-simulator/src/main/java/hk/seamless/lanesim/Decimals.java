package hk.seamless.lanesim;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A figure of a report with a fixed number of decimals, as a JSON number: written as rounded
 * ("12.50" stays 12.50), never as the double's long tail. Null (JSON null) when it is no number
 * (a throughput of no time at all).
 */
final class Decimals {

    private Decimals() {}

    static BigDecimal of(double value, int places) {
        if (!Double.isFinite(value)) {
            return null;
        }
        return new BigDecimal(String.format(Locale.ROOT, "%." + places + "f", value));
    }

    /** A decimal as written, e.g. a weight a consignment declares ("12500.5"): no float rounding changes it. */
    static BigDecimal exactly(String plainDecimal) {
        return new BigDecimal(plainDecimal);
    }
}
