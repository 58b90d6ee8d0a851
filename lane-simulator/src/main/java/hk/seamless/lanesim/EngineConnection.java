package hk.seamless.lanesim;

import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** The options every subcommand shares: which engine to drive and the admin token to enrol a shipper with. */
public final class EngineConnection {

    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "Base URL of the engine, e.g. http://localhost:8080. Every request goes here and nowhere else.")
    String target;

    @Option(names = "--admin-token", required = true, paramLabel = "TOKEN",
            description = "The engine's admin bearer token (the content of <data>/admin.token), used once to approve "
                    + "the simulator's own SHIPPER registration.")
    String adminToken;

    @Option(names = "--allow-remote-target", defaultValue = "false",
            description = "Allow a --target that is not a loopback address. Off by default, so that a load test "
                    + "cannot be pointed at a shared engine by a typo.")
    boolean allowRemoteTarget;

    /** Checks the target and opens a client bound to it. */
    EngineClient open() {
        URI base = EngineTarget.parse(target);
        if (!allowRemoteTarget && !isLoopback(base.getHost())) {
            throw new IllegalArgumentException("--target " + target + " is not a loopback address;"
                    + " pass --allow-remote-target if you really mean to load another machine");
        }
        return new EngineClient(base);
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--target host " + host + " cannot be resolved", e);
        }
    }
}
