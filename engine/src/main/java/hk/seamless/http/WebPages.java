package hk.seamless.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The web pages people use: the officers' lane console, the trader portal and the admin desk. They
 * are plain files from the jar's {@code webroot} ({@link JarFiles}: never the working directory's): no build step, nothing fetched from the internet
 * (no CDN, no web fonts), and they talk to the engine only through the same API as any system.
 *
 * <p>Mounted after the API route groups, so {@code /console/v1/feed} stays the WebSocket route.
 */
public final class WebPages {

    /** Each area is a folder of {@code webroot} with an {@code index.html}. */
    static final List<String> AREAS = List.of("console", "portal", "admin", "shared");

    /**
     * Scripts, styles and connections only from this origin; no frames, no plug-ins. The pages
     * use no inline script, so a script injected through data (a consignee's name, say) cannot run.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    /**
     * The API reference page (/docs/) renders the contract with Redoc, vendored into the jar. Redoc
     * styles its page through styled-components, which writes style elements at run time: so this
     * page alone allows inline styles. Scripts stay 'self' only (no eval, no inline script), the
     * contract is fetched from this origin, and Redoc's branding image from its CDN is blocked
     * (img-src), so nothing is fetched from the internet. Its search runs in a Web Worker made
     * from a blob: URL; the page turns search off instead of allowing blob: workers.
     */
    private static final String DOCS_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "worker-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    private WebPages() {}

    /**
     * @param home where "/" goes: the portal, or on a lane engine (which serves no portal) the
     *     console; the areas a role does not serve are answered 404 before these routes ({@link RoleRoutes})
     */
    public static void mount(Router router, String home) {
        router.getWithRegex("^/$").handler(ctx -> redirect(ctx, home));
        // Every browser asks for it on every page: answer with the lane-gate icon, not a 404 in the log.
        router.route("/favicon.ico")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(ctx -> {
                    ctx.response().putHeader("Cache-Control", "max-age=86400");
                    ctx.next();
                })
                .handler(JarFiles.file("webroot/favicon.ico", "image/x-icon"));
        // The batch file formats (CSV template, XSD, XML example) that the API documents, for
        // download from the portal: the same files the engine ships, not copies that could drift.
        router.route("/portal/batch/*")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(WebPages::securityHeaders)
                .handler(JarFiles.folder("/portal/batch/", "batch", null));
        // The API contract, as shipped in the jar, and its reference page.
        router.route("/openapi.yaml")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(ctx -> {
                    ctx.response()
                            .putHeader("Cache-Control", "no-cache")
                            .putHeader("X-Content-Type-Options", "nosniff");
                    ctx.next();
                })
                .handler(JarFiles.file("openapi.yaml", "application/yaml; charset=utf-8"));
        router.getWithRegex("^/docs$").handler(ctx -> redirect(ctx, "/docs/"));
        router.route("/docs/*")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(ctx -> securityHeaders(ctx, DOCS_CONTENT_SECURITY_POLICY))
                .handler(JarFiles.folder("/docs/", "apidocs", "index.html"));
        for (String area : AREAS) {
            // A route for "/portal" also matches "/portal/": redirect only the bare name.
            router.getWithRegex("^/" + area + "$").handler(ctx -> redirect(ctx, "/" + area + "/"));
            router.route("/" + area + "/*")
                    .method(HttpMethod.GET)
                    .method(HttpMethod.HEAD)
                    .handler(WebPages::securityHeaders)
                    // Pages change with the engine: revalidated (no-cache, ETag) rather than served stale.
                    .handler(JarFiles.folder("/" + area + "/", "webroot/" + area, "index.html"));
        }
    }

    private static void securityHeaders(RoutingContext ctx) {
        securityHeaders(ctx, CONTENT_SECURITY_POLICY);
    }

    private static void securityHeaders(RoutingContext ctx, String contentSecurityPolicy) {
        ctx.response()
                .putHeader("Content-Security-Policy", contentSecurityPolicy)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-cache");
        ctx.next();
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader("Location", location).end();
    }
}
