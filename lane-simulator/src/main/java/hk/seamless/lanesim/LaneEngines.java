package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lane engines of a run over engines in roles: a client bound to each, the lanes each serves
 * (its own GET /api/v1/settings, read with its own admin token), and the wait until each has applied
 * what the registry issued.
 */
final class LaneEngines {

    private final Map<String, EngineClient> clients;
    private final List<LaneInfo> lanes;

    private LaneEngines(Map<String, EngineClient> clients, List<LaneInfo> lanes) {
        this.clients = clients;
        this.lanes = lanes;
    }

    /** Checks that each is the lane engine of the control point it was given for, and reads its lanes. */
    static LaneEngines connect(SimTopology topology, PrintStream out) throws Exception {
        Map<String, EngineClient> clients = new LinkedHashMap<>();
        List<LaneInfo> lanes = new ArrayList<>();
        EngineClient registry = new EngineClient(topology.registry());
        String registryRole = role(registry, "--registry " + topology.registry());
        if (!"registry".equals(registryRole)) {
            throw new IllegalArgumentException(
                    "--registry " + topology.registry() + " is not a registry (its /health says role " + registryRole
                            + "): start it with SEAMLESS_ROLE=registry");
        }
        for (SimTopology.LaneEngine lane : topology.laneEngines().values()) {
            String option = "--lane-engine " + lane.controlPoint() + "=" + lane.base();
            EngineClient client = new EngineClient(lane.base());
            EngineClient.Answer health = client.get("/health", null);
            JsonObject h = health.json();
            if (!"lane".equals(h.getValue("role"))) {
                throw new IllegalArgumentException(
                        option + " is not a lane engine (its /health says role " + h.getValue("role") + ")");
            }
            if (!lane.controlPoint().equals(h.getValue("controlPoint"))) {
                throw new IllegalArgumentException(option + " is the lane engine of " + h.getValue("controlPoint")
                        + ", not of " + lane.controlPoint());
            }
            EngineClient.Answer settings = client.get("/api/v1/settings", lane.adminToken());
            if (settings.status() != 200) {
                throw new IllegalArgumentException(
                        option + ": reading its settings with the token given: " + settings.status() + " "
                                + Excerpt.of(settings.body()) + " (is the token its own data/admin.token?)");
            }
            List<LaneInfo> served = EngineSettings.parse(settings.body()).lanes().stream()
                    .filter(l -> l.controlPoint().equals(lane.controlPoint()))
                    .toList();
            if (served.isEmpty()) {
                throw new IllegalArgumentException(option + " serves no lanes of " + lane.controlPoint());
            }
            lanes.addAll(served);
            clients.put(lane.controlPoint(), client);
            out.println("topology: lane engine " + lane.controlPoint() + " at " + lane.base() + " serves "
                    + served.size() + " lanes");
        }
        return new LaneEngines(clients, List.copyOf(lanes));
    }

    private static String role(EngineClient engine, String what) throws Exception {
        EngineClient.Answer health = engine.get("/health", null);
        Object role = health.json().getValue("role");
        if (role == null) {
            throw new IllegalArgumentException(what + ": its /health names no role (" + health.status() + ")");
        }
        return role.toString();
    }

    List<LaneInfo> lanes() {
        return lanes;
    }

    Map<String, EngineClient> clients() {
        return clients;
    }

    EngineClient client(String controlPoint) {
        EngineClient c = clients.get(controlPoint);
        if (c == null) {
            throw new IllegalArgumentException("no --lane-engine for control point " + controlPoint);
        }
        return c;
    }

    LaneBases bases() {
        Map<String, URI> byCp = new LinkedHashMap<>();
        clients.forEach((cp, c) -> byCp.put(cp, c.base()));
        return LaneBases.byControlPoint(byCp);
    }

    /** Waits until every lane engine has applied what the registry has issued by now. */
    void awaitCaughtUp(EngineClient registry, Duration patience, PrintStream out) throws Exception {
        Long issued = FeedWatch.feedNumber(registry, "issued");
        if (issued == null) {
            throw new IllegalStateException("the registry's /health tells no feed.issued");
        }
        long t0 = System.nanoTime();
        long deadline = t0 + patience.toNanos();
        for (Map.Entry<String, EngineClient> e : clients.entrySet()) {
            while (true) {
                Long applied = FeedWatch.feedNumber(e.getValue(), "applied");
                if (applied != null && applied >= issued) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the lane engine of " + e.getKey() + " has applied feed entry "
                            + applied + ", not yet the registry's " + issued + ", after " + patience.toSeconds()
                            + " s: is its feed (Kafka) up?");
                }
                Thread.sleep(100);
            }
        }
        out.printf(
                java.util.Locale.ROOT,
                "set-up: every lane engine has the registry's feed up to entry %d (waited %.1f s)%n",
                issued,
                (System.nanoTime() - t0) / 1e9);
    }
}
