package hk.seamless.lanesim;

import picocli.CommandLine.Option;

/** The options every subcommand shares: which engine to drive and the admin token to enrol a shipper with. */
public final class EngineConnection {

    @Option(
            names = "--target",
            required = true,
            paramLabel = "URL",
            description =
                    "Base URL of the engine, e.g. http://localhost:8080. Every request goes here and nowhere else.")
    String target;

    @Option(
            names = "--admin-token",
            required = true,
            paramLabel = "TOKEN",
            description = "The engine's admin bearer token (the content of <data>/admin.token), used once to approve "
                    + "the simulator's own SHIPPER registration.")
    String adminToken;

    @Option(
            names = "--allow-remote-target",
            defaultValue = "false",
            description = "Allow a --target that is not a loopback address. Off by default, so that a load test "
                    + "cannot be pointed at a shared engine by a typo.")
    boolean allowRemoteTarget;

    /** Checks the target and opens a client bound to it. */
    EngineClient open() {
        return new EngineClient(EngineTarget.parseGuarded(target, allowRemoteTarget));
    }
}
