package hk.seamless.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which methods the engine takes on a path, read off the router's own routes: what OPTIONS answers
 * and what a 405's {@code Allow} lists (RFC 9110 §15.5.6 requires it). HEAD is GET without its body
 * wherever GET is served, so it is answered by the GET route ({@link #handle}).
 */
final class MethodsByPath {

    private final Router router;
    /** Built once every route is mounted: at the first question, not at construction. */
    private volatile Map<Pattern, Set<String>> byPath;

    MethodsByPath(Router router) {
        this.router = router;
    }

    /** Answers OPTIONS; sends HEAD on as GET (the response still leaves its body out); lets the rest through. */
    void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.HEAD) {
            ctx.reroute(HttpMethod.GET, ctx.request().uri());
        } else if (method == HttpMethod.OPTIONS) {
            String allow = allow(ctx.request().path());
            if (allow == null) {
                ctx.next(); // no such resource: the router's 404
            } else {
                ctx.response().putHeader("Allow", allow).setStatusCode(204).end();
            }
        } else {
            ctx.next();
        }
    }

    /** The Allow header for {@code path} ("GET, HEAD, OPTIONS"), or null when no route serves it. */
    String allow(String path) {
        Set<String> methods = new TreeSet<>();
        for (Map.Entry<Pattern, Set<String>> e : routes().entrySet()) {
            if (e.getKey().matcher(path).matches()) {
                methods.addAll(e.getValue());
            }
        }
        if (methods.isEmpty()) {
            return null;
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    private Map<Pattern, Set<String>> routes() {
        Map<Pattern, Set<String>> known = byPath;
        if (known == null) {
            known = new LinkedHashMap<>();
            for (Route route : router.getRoutes()) {
                if (route.getPath() == null) {
                    continue; // a pattern for a whole area (admission, bodies): not a resource
                }
                Set<HttpMethod> methods = route.methods();
                Set<String> names =
                        known.computeIfAbsent(template(route.getPath(), route.isExactPath()), p -> new TreeSet<>());
                if (methods == null || methods.isEmpty()) {
                    names.add("GET"); // a page, a file, /health: read with GET
                } else {
                    methods.forEach(m -> names.add(m.name()));
                }
            }
            byPath = known;
        }
        return known;
    }

    /** A route path ("/api/v1/consignments/:ccrn", "/docs/" as a prefix) as a pattern of the paths it serves. */
    static Pattern template(String path, boolean exact) {
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            parts.add(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
        }
        String joined = String.join("/", parts);
        return Pattern.compile(exact ? joined : joined + ".*");
    }
}
