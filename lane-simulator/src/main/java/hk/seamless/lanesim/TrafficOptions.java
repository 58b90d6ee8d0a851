package hk.seamless.lanesim;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The run's options that shape its traffic: how many arrivals a second, for how long, at which
 * lanes, in which mix, with how many reused vehicles, over which transport, from which seed. A
 * mixin of {@link RunCommand}.
 */
final class TrafficOptions {

    @Option(
            names = "--rate",
            defaultValue = "500",
            paramLabel = "N",
            description =
                    "Arrivals a second, spread evenly over time and round-robin over the lanes (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--duration",
            defaultValue = "20s",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "How long arrivals are measured, e.g. 20s, 2m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--warmup",
            defaultValue = "5s",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "Arrivals sent first at the same rate and not counted in latency or throughput "
                    + "(their decisions are still checked) (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(
            names = "--lanes",
            split = ",",
            paramLabel = "LANE",
            description = "Lanes to drive, e.g. LMC-S-01,LMC-N-01 (default: every lane of GET /api/v1/settings). "
                    + "With arrivals without a tag in the mix (notag, lowconf, multiframe, twin, lowcand), one lane per "
                    + "direction is kept for those (at least two lanes); with gatedrop, one more lane is kept whose gate "
                    + "the run disconnects and reconnects in turn (1.5 s each, with 0.5 s guard gaps).")
    List<String> lanes;

    @Option(
            names = "--vehicles",
            defaultValue = "2000",
            paramLabel = "N",
            description =
                    "Vehicles shared by the scenarios that are never released (early, unbundled, mismatch, lowconf, "
                            + "watchlisted, twin, lowcand, suspended), reused once their previous arrival is decided, never at the "
                            + "lane they were last seen at within its presence window (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(
            names = "--transport",
            defaultValue = "ws",
            paramLabel = "ws|http",
            description =
                    "How reads are sent: ws, over each lane's device streams (one WebSocket per device); http, "
                            + "POSTed to the lane's read endpoints. Gates are WebSockets either way (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(
            names = "--mix",
            defaultValue = ScenarioMix.DEFAULT,
            paramLabel = "NAME=W,...",
            description =
                    "Relative weights of the scenarios: ontime (RELEASE), early (EARLY_ARRIVAL), unbundled (NO_BUNDLE), "
                            + "empty (EMPTY bundle and button: RELEASE), misread (look-alike characters resolved: RELEASE), notag "
                            + "(plate only: RELEASE), mismatch (PLATE_TAG_MISMATCH), lowconf (low-confidence plate, no tag: "
                            + "UNIDENTIFIED_VEHICLE), watchlisted (watch-listed after bundling: WATCHLIST), watchlifted (watch-listed "
                            + "after bundling, lifted before arrival: RELEASE), targeted (cargo hit by a GOODS targeting rule made after "
                            + "bundling: RISK_RULE), multiframe (2 to 4 frames of one vehicle, no tag: one "
                            + "RELEASE), repeat (RELEASE, then a late frame: 202 repeat, no decision), twin (unbundled look-alike of a "
                            + "bundled mark, read exactly: NO_BUNDLE), lowcand (confident best plate naming nothing, the mark only "
                            + "among low-confidence candidates: UNIDENTIFIED_VEHICLE), suspended (trucker or shipper suspended after "
                            + "bundling: REFER ACCOUNT_SUSPENDED), gatedrop (RELEASE, or HOLD GATE_UNAVAILABLE while the lane's gate "
                            + "is disconnected). Against an engine without the rules of frames, presence, suspension, gate "
                            + "drops, and without targeting rules at the lane, give only the first ten (default: ${DEFAULT-VALUE}).")
    String mix;

    @Option(
            names = "--presence-window",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description =
                    "How long after a vehicle's last read the engine still takes its reads at that lane for late frames "
                            + "(the engine's SEAMLESS_PRESENCE_WINDOW); a vehicle is never sent back to that lane sooner, unless as a "
                            + "late frame (default: what GET /api/v1/settings tells as presenceWindow, else 10s).")
    Duration presenceWindow;

    @Option(
            names = "--seed",
            defaultValue = "20260101",
            paramLabel = "N",
            description =
                    "Seed of the schedule, the scenario draw and the cargo; the same seed gives the same traffic (default: ${DEFAULT-VALUE}).")
    long seed;

    void checkTransport() {
        if (!List.of("ws", "http").contains(transport)) {
            throw new IllegalArgumentException("--transport must be ws or http");
        }
    }

    void checkAmounts() {
        if (vehicles < 1 || rate <= 0 || duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException(
                    "--rate, --duration and --vehicles must be positive, --warmup not negative");
        }
    }

    /** Warm-up and measured arrivals together: how long arrivals are sent. */
    Duration runLength() {
        return warmup.plus(duration);
    }
}
