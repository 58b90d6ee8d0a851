package hk.seamless.http;

import hk.seamless.config.EngineRole;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * What an engine's role does not serve, answered 404 before anything else reads the request.
 *
 * <p>Why here and not only by leaving route groups out: the write admission (who is calling) runs
 * before any route is matched, so a route left out answered 401 without a token and 404 with one;
 * and the pages are plain folders, mounted for every role. A route the role does not serve is a
 * 404 whoever asks, with or without credentials. The registry serves no lanes: no lane devices,
 * console (pages, feed, arrivals) or device registration. A lane engine serves no trade: no
 * lodgement, bundling, vehicles, risk settings, templates, IVRS (nor its PIN), batch upload, trader
 * portal or public registration (its officers are staff accounts its admin makes, so it has no
 * registration queue either). Both keep sign-in, the admin desk, health, metrics and the audit.
 */
public final class RoleRoutes {

    private static final List<String> LANES = List.of(
            "/lane/.*", "/console(/.*)?", "/api/v1/arrivals(/.*)?", "/api/v1/lanes/.*", "/api/v1/admin/devices(/.*)?");

    private static final List<String> TRADE = List.of(
            "/api/v1/consignments(/.*)?",
            "/api/v1/bundles(/.*)?",
            "/api/v1/vehicles(/.*)?",
            "/api/v1/risk(/.*)?",
            "/api/v1/templates(/.*)?",
            "/api/v1/registrations(/.*)?",
            "/api/v1/admin/registrations(/.*)?",
            "/api/v1/accounts/me/ivrs-pin",
            "/ivrs(/.*)?",
            "/portal(/.*)?");

    private final List<String> unserved;
    private final String home;

    private RoleRoutes(List<String> unserved, String home) {
        this.unserved = unserved;
        this.home = home;
    }

    public static RoleRoutes of(EngineRole role) {
        return switch (role) {
            case STANDALONE -> new RoleRoutes(List.of(), "/portal/");
            case REGISTRY -> new RoleRoutes(LANES, "/portal/");
            // People at a lane engine are its officers: "/" opens their console, not a portal it lacks.
            case LANE -> new RoleRoutes(TRADE, "/console/");
        };
    }

    /** Where "/" sends a browser: a page this role serves. */
    String home() {
        return home;
    }

    /** Mounted first: the 404 is the router's own (a problem answer), before admission asks who calls. */
    void mount(Router router) {
        if (!unserved.isEmpty()) {
            router.routeWithRegex("^(" + String.join("|", unserved) + ")$").handler(ctx -> ctx.fail(404));
        }
    }
}
