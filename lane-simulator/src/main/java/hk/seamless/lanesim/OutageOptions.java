package hk.seamless.lanesim;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The run's options for cutting the feed between the registry and the lane engines for a while
 * (engines in roles only). A mixin of {@link RunCommand}.
 */
final class OutageOptions {

    @Option(
            names = "--outage",
            paramLabel = "LENGTH@START",
            description =
                    "Cut the feed between the registry and the lane engines for LENGTH, starting START after the run's "
                            + "first arrival (warm-up included), e.g. 30s@60s; with --outage-pid or --outage-command. The oracle "
                            + "expects each lane engine to decide from what it could know: bundles made while it was cut off are "
                            + "rightly INSPECT NO_BUNDLE there, bundles it had must still be released.")
    String outage;

    @Option(
            names = "--outage-pid",
            paramLabel = "PID",
            description =
                    "The Kafka broker's process id: the outage freezes it (kill -STOP) and lets it run on (kill -CONT).")
    Long outagePid;

    @Option(
            names = "--outage-command",
            paramLabel = "CMD",
            description =
                    "A shell command that cuts the feed, e.g. 'docker pause kafka' (run with sh -c); with --outage-end-command.")
    String outageCommand;

    @Option(
            names = "--outage-end-command",
            paramLabel = "CMD",
            description =
                    "The shell command that restores the feed, e.g. 'docker unpause kafka'. Run at the outage's end, and "
                            + "whatever happens to the run before the simulator exits.")
    String outageEndCommand;

    /**
     * The outage asked for, or null for none; refused when it does not fit a run of {@code runLength}
     * or there is no feed to cut ({@code roles} false: one standalone engine).
     */
    Outage cut(Duration runLength, boolean roles) {
        return Outage.of(outage, outagePid, outageCommand, outageEndCommand, runLength, roles);
    }
}
