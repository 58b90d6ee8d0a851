package hk.seamless.lanesim;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The run's options that say which engine it drives: one standalone engine (--target), or a
 * registry with a lane engine per control point (engines in roles). A mixin of {@link RunCommand},
 * so that its help lists them with the rest, in the same order.
 */
final class EngineOptions {

    @Option(
            names = "--target",
            paramLabel = "URL",
            description =
                    "Base URL of the engine (standalone), e.g. http://localhost:8080. Every request goes here and nowhere "
                            + "else. Or, for engines in roles, --registry and --lane-engine instead.")
    String target;

    @Option(
            names = "--admin-token",
            paramLabel = "TOKEN",
            description =
                    "The --target engine's admin bearer token (the content of <data>/admin.token), used to approve the "
                            + "simulator's own accounts and register the lane devices.")
    String adminToken;

    @Option(
            names = "--allow-remote-target",
            defaultValue = "false",
            description =
                    "Allow a --target (or --registry, --lane-engine) that is not a loopback address. Off by default, so "
                            + "that a load test cannot be pointed at a shared engine by a typo.")
    boolean allowRemoteTarget;

    @Option(
            names = "--registry",
            paramLabel = "URL",
            description =
                    "Engines in roles (SEAMLESS_ROLE=registry|lane): the registry's base URL. The set-up (accounts, "
                            + "lodgement, vehicles, bundles, watch list, suspensions) is made there, and some ONTIME bundles are made "
                            + "there during the run (each goes to the lanes 1 s after its bundling). Needs --registry-admin-token and "
                            + "one --lane-engine per control point driven; not with --target.")
    String registry;

    @Option(
            names = "--registry-admin-token",
            paramLabel = "TOKEN",
            description = "The registry's admin token (its <data>/admin.token).")
    String registryAdminToken;

    @Option(
            names = "--lane-engine",
            paramLabel = "CP=URL,TOKEN",
            description =
                    "A control point's lane engine, its base URL and its own admin token (its <data>/admin.token), e.g. "
                            + "LMC=http://127.0.0.1:8081,TOKEN; repeated for each control point. Its lanes' devices are registered "
                            + "there and its lanes' reads and gates go there.")
    List<String> laneEngines;

    /** The registry and lane engines, or null for the standalone --target; refuses a mix of the two. */
    SimTopology topology() {
        SimTopology t = SimTopology.of(registry, registryAdminToken, laneEngines, allowRemoteTarget);
        if (t != null && (target != null || adminToken != null)) {
            throw new IllegalArgumentException(
                    "--target and --admin-token name one standalone engine; with --registry and "
                            + "--lane-engine leave them out");
        }
        if (t == null && target == null) {
            throw new IllegalArgumentException(
                    "say which engine to drive: --target URL --admin-token TOKEN (standalone), or "
                            + "--registry URL --registry-admin-token TOKEN --lane-engine CP=URL,TOKEN ... (engines in roles)");
        }
        if (t == null && adminToken == null) {
            throw new IllegalArgumentException("--target needs --admin-token TOKEN (the engine's data/admin.token)");
        }
        return t;
    }
}
