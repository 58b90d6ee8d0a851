package hk.seamless.store;

import hk.seamless.config.EngineConfig;
import java.time.Duration;

/**
 * How many entries each store is built for: the one place where the daily traffic and the lifetimes
 * of records turn into map sizes. A record is in a hot map while it can still change and then for
 * the retention period; the archive takes it after that, so a map holds about
 * {@code records a day × days a record lives there}. Chronicle builds the map for that many entries
 * and lets each segment grow one extra tier beyond it (twice the room) before refusing a write, so
 * the sizes below are expectations with a quarter of headroom, not hard maxima, and the fill alert
 * warns long before a store is full.
 *
 * <p>Sizes cost memory and start time: a new map's first tiers are zeroed at creation (the whole
 * nominal size passes through the page cache), so an oversized map is a slow start, not a safe one.
 */
public final class StoreSizes {

    /** Busy days come in runs; 25% above the expectation before the extra tiers are needed. */
    private static final double HEADROOM = 1.25;
    /** Below this, a map's segments and tiers cost more than its entries: not worth going smaller. */
    private static final long FLOOR = 1_000;
    /** The four kinds of lane device, each replaced once. */
    private static final int DEVICES_PER_LANE = 8;

    private final double daily;
    /** Days a consignment can be LODGED or BUNDLED: the lodgement window, plus the day it takes to expire. */
    private final double openDays;

    private final double retentionDays;
    private final double sessionDays;
    private final double idempotencyDays;
    /** Lanes of every control point: devices are registered per lane, whatever the traffic. */
    private final long lanes;

    StoreSizes(
            long dailyConsignments,
            Duration retention,
            Duration lodgementWindow,
            Duration sessionLifetime,
            Duration idempotencyRetention,
            long lanes) {
        this.daily = dailyConsignments;
        this.lanes = lanes;
        this.openDays = days(lodgementWindow) + 1;
        this.retentionDays = days(retention);
        this.sessionDays = days(sessionLifetime);
        this.idempotencyDays = days(idempotencyRetention);
    }

    public static StoreSizes of(EngineConfig config) {
        return new StoreSizes(
                config.sizing().dailyConsignments(),
                config.retention(),
                // a window given in months counts each as 31 days (never smaller than it is)
                Duration.ofDays(config.rules().lodgementWindow().toTotalMonths() * 31
                        + config.rules().lodgementWindow().getDays()),
                config.accounts().sessionLifetime(),
                config.limits().idempotencyRetention(),
                config.controlPoints().stream()
                        .mapToLong(cp -> cp.lanes().size())
                        .sum());
    }

    /** The engine's default lifetimes with this daily traffic (tools, tests and benchmarks). */
    public static StoreSizes forDailyConsignments(long daily) {
        EngineConfig d = EngineConfig.defaults();
        return of(d.withDailyConsignments(daily));
    }

    /** The entries {@code store} is built for. */
    public long entries(StoreName store) {
        double consignments = daily * (openDays + retentionDays);
        // Parties and vehicles scale with the traffic: a registered lorry crosses about once a day on
        // average (a round trip is two crossings), and an account (a shipper or a trucker) moves a
        // couple of consignments a day.
        double vehicles = daily;
        double accounts = daily / 2;
        double expected = switch (store) {
            case CONSIGNMENTS -> consignments;
            // every amendment keeps the version it replaces: assume every other consignment is amended once
            case CONSIGNMENT_VERSIONS -> consignments / 2;
            // at most one bundle per consignment (most carry several; empty runs carry none), kept like them
            case BUNDLES -> consignments;
            // ACTIVE only: at most as long as its consignments stay open (most are used within a day)
            case ACTIVE_BUNDLES, LANE_BUNDLES, LANE_LOOK_ALIKES -> daily * openDays;
            // the lane keeps only BUNDLED consignments
            case LANE_CONSIGNMENTS -> daily * openDays;
            // remembered answers: about four writes per consignment (lodge, amend, bundle, sign-ins...)
            case IDEMPOTENCY -> 4 * daily * idempotencyDays;
            // every account signs in on a few devices a day; a session lives its lifetime
            case SESSIONS -> 4 * accounts * Math.max(1, sessionDays);
            case ACCOUNTS, ACCOUNTS_BY_EMAIL, IVRS_PINS, LODGEMENT_TEMPLATES -> accounts;
            // a password and a few API tokens per account
            case CREDENTIALS -> 2 * accounts;
            case VEHICLES, VEHICLES_BY_TAG, LANE_VEHICLES_BY_TAG, LANE_VEHICLES -> vehicles;
            // officers' lists: a few per hundred parties
            case WATCHLIST, LANE_WATCHLIST -> accounts / 20;
            // finished records leave for the archive after the retention period; their index (a few
            // bytes each) is built for a year of them (a consignment, half a version, a bundle each)
            // and grows one tier beyond: the fill alert says when a larger one is due
            case ARCHIVE_INDEX -> 2.5 * daily * 365;
            // a camera, an RFID reader, a gate and a button per lane, and as many again replaced over
            // the years (a replaced device's record is kept, revoked): a boundary of thousands of
            // lanes needs more than the floor
            case DEVICES, DEVICE_CREDENTIALS -> DEVICES_PER_LANE * lanes;
            // a handful of marks: the floor
            case RANDOM_RATES, LANE_SUSPENDED_ACCOUNTS, LANE_FEED, RECORDED_REPORTS -> 0;
        };
        return Math.max(FLOOR, (long) Math.ceil(expected * HEADROOM));
    }

    private static double days(Duration d) {
        return d.toMillis() / (double) Duration.ofDays(1).toMillis();
    }
}
