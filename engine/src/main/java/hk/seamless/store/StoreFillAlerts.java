package hk.seamless.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells operators that a store is filling long before it refuses writes: a WARN when a store
 * crosses the alert level (once, until it drops below again) and the list {@code /health} shows.
 */
public final class StoreFillAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFillAlerts.class);

    /** A store above the alert level, and how full it is (0 to 1). */
    public record Filling(StoreName store, double fill) {}

    private final Stores stores;
    private final double alertAt;
    private final Set<StoreName> alerted = EnumSet.noneOf(StoreName.class);

    public StoreFillAlerts(Stores stores, double alertAt) {
        this.stores = stores;
        this.alertAt = alertAt;
    }

    /** Run now and then (a timer): logs the stores that crossed the alert level either way since last time. */
    public synchronized void check() {
        for (StoreName name : StoreName.values()) {
            double fill = stores.store(name).fill();
            if (fill >= alertAt && alerted.add(name)) {
                LOG.warn(
                        "The {} store is {}% full (alert at {}%): writes that need room there will be refused when it is"
                                + " full; check dailyConsignments (SEAMLESS_DAILY_CONSIGNMENTS) and retention (SEAMLESS_RETENTION)"
                                + " against the real traffic (the maps are sized from them at the next start) or find what fills it",
                        name.name().toLowerCase(), percent(fill), percent(alertAt));
            } else if (fill < alertAt && alerted.remove(name)) {
                LOG.info(
                        "The {} store is back below the alert level ({}% full)",
                        name.name().toLowerCase(), percent(fill));
            }
        }
    }

    /** The stores at or above the alert level now, fullest first. */
    public List<Filling> filling() {
        List<Filling> result = new ArrayList<>();
        for (StoreName name : StoreName.values()) {
            double fill = stores.store(name).fill();
            if (fill >= alertAt) {
                result.add(new Filling(name, fill));
            }
        }
        result.sort(Comparator.comparingDouble(Filling::fill).reversed());
        return result;
    }

    private static long percent(double share) {
        return Math.round(share * 100);
    }
}
