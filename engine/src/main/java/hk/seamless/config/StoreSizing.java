package hk.seamless.config;

import java.time.Duration;

/**
 * What the off-heap stores are sized from, in terms an operator can reason about. Every store's
 * entries follow from these and the lifetimes of its records ({@code hk.seamless.store.StoreSizes}).
 *
 * @param retention          how long records that can no longer change (consignments CROSSED,
 *                           CANCELLED or EXPIRED; bundles USED or UNBUNDLED) stay in the hot maps
 *                           before they move to the archive
 * @param dailyConsignments  consignments lodged on a busy day: goods vehicle crossings a day times
 *                           consignments per vehicle (Hong Kong: ~40,000 crossings, so 60,000–100,000)
 */
public record StoreSizing(Duration retention, long dailyConsignments) {

    public StoreSizing {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new ConfigException("retention (SEAMLESS_RETENTION) must be at least P1D: finished records stay"
                    + " that long for officers' and traders' look-ups");
        }
        if (dailyConsignments < 1) {
            throw new ConfigException("dailyConsignments (SEAMLESS_DAILY_CONSIGNMENTS) must be at least 1");
        }
    }

    /**
     * A development engine or a pilot at one control point: 1,000 consignments a day, kept 90 days.
     * Its maps open in well under a second on an empty data folder; a production engine sets
     * dailyConsignments to its real traffic (see the settings table in README.md).
     */
    public static StoreSizing defaults() {
        return new StoreSizing(Duration.ofDays(90), 1_000);
    }
}
