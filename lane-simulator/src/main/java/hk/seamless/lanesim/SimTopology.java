package hk.seamless.lanesim;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a run's requests go when the engine runs in roles (issue #14): the registry, for the
 * set-up (accounts, lodgement, vehicles, bundles, risk settings), and one lane engine per control
 * point, for that control point's lanes (devices, reads, gates), each with its own admin token.
 * Standalone is the one engine of {@code --target}; this class is only the other case.
 *
 * @param registry           the registry's base URL
 * @param registryAdminToken the registry's admin token (its data/admin.token)
 * @param laneEngines        by control point code, in the order given
 */
record SimTopology(URI registry, String registryAdminToken, Map<String, LaneEngine> laneEngines) {

    /** One control point's lane engine: its base URL and its own admin token (devices are registered there). */
    record LaneEngine(String controlPoint, URI base, String adminToken) {}

    SimTopology {
        laneEngines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(laneEngines));
    }

    /**
     * Checks the options together: each alone may be well formed while the combination is not.
     *
     * @param laneEngines the {@code --lane-engine CP=URL,TOKEN} values
     * @return null when none of the topology options is given (the standalone case)
     */
    static SimTopology of(String registry, String registryAdminToken, List<String> laneEngines, boolean allowRemote) {
        List<String> lanes = laneEngines == null ? List.of() : laneEngines;
        if (registry == null && registryAdminToken == null && lanes.isEmpty()) {
            return null;
        }
        if (registry == null) {
            throw new IllegalArgumentException(
                    registryAdminToken != null
                            ? "--registry-admin-token needs --registry URL, the registry engine it is the token of"
                            : "--lane-engine needs --registry URL: the set-up (accounts, lodgement, bundles) is made at the registry");
        }
        if (registryAdminToken == null || registryAdminToken.isBlank()) {
            throw new IllegalArgumentException(
                    "--registry needs --registry-admin-token TOKEN (the registry's data/admin.token)");
        }
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException(
                    "--registry needs at least one --lane-engine CP=URL,TOKEN: a registry serves no lanes");
        }
        URI registryBase = guarded("--registry", registry, allowRemote);
        Map<String, LaneEngine> byCp = new LinkedHashMap<>();
        for (String text : lanes) {
            LaneEngine lane = parseLaneEngine(text, allowRemote);
            if (byCp.put(lane.controlPoint(), lane) != null) {
                throw new IllegalArgumentException("--lane-engine names control point " + lane.controlPoint()
                        + " twice: one lane engine serves one control point");
            }
            if (lane.base().equals(registryBase)) {
                throw new IllegalArgumentException("--lane-engine " + lane.controlPoint() + " is the --registry's URL: "
                        + "a registry serves no lanes");
            }
        }
        return new SimTopology(registryBase, registryAdminToken.strip(), byCp);
    }

    /** {@code LMC=http://127.0.0.1:8081,TOKEN}: control point, base URL, that engine's admin token (all after the first comma). */
    static LaneEngine parseLaneEngine(String text, boolean allowRemote) {
        String usage = " (say --lane-engine LMC=http://127.0.0.1:8081,TOKEN: the control point, the lane engine's URL "
                + "and its admin token)";
        int equals = text.indexOf('=');
        int comma = text.indexOf(',', Math.max(equals, 0)); // the first: a token may hold commas, a URL here does not
        if (equals <= 0 || comma < equals) {
            throw new IllegalArgumentException("--lane-engine " + text + " is not CP=URL,TOKEN" + usage);
        }
        String cp = text.substring(0, equals).strip().toUpperCase(Locale.ROOT);
        if (!cp.matches("[A-Z0-9]{2,8}")) {
            throw new IllegalArgumentException("--lane-engine: '" + cp + "' is not a control point code" + usage);
        }
        String url = text.substring(equals + 1, comma).strip();
        String token = text.substring(comma + 1).strip();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("--lane-engine " + cp + " has no URL" + usage);
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException("--lane-engine " + cp + " has no admin token" + usage);
        }
        return new LaneEngine(cp, guarded("--lane-engine " + cp, url, allowRemote), token);
    }

    private static URI guarded(String option, String url, boolean allowRemote) {
        try {
            return EngineTarget.parseGuarded(url, allowRemote);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage().replace("--target ", ""), e);
        }
    }

    /** The lane engine serving {@code controlPoint}. */
    LaneEngine laneEngine(String controlPoint) {
        LaneEngine lane = laneEngines.get(controlPoint);
        if (lane == null) {
            throw new IllegalArgumentException("no --lane-engine for control point " + controlPoint);
        }
        return lane;
    }

    List<String> controlPoints() {
        return new ArrayList<>(laneEngines.keySet());
    }

    /** For the report: where each part was (tokens left out). */
    String text() {
        StringBuilder s = new StringBuilder("registry ").append(registry);
        laneEngines
                .values()
                .forEach(
                        l -> s.append(", ").append(l.controlPoint()).append(' ').append(l.base()));
        return s.toString();
    }
}
