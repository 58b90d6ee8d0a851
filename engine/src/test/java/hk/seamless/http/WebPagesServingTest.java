package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the engine serves its pages, over real HTTP: where they are, and the headers that guard them. */
class WebPagesServingTest extends EngineHarness {

    @Test
    void bareNamesAndTheRootRedirectToThePages() {
        assertEquals("/portal/", api.get("/", null).expect(302).header("Location"));
        for (String area : new String[] {"portal", "console", "admin"}) {
            assertEquals("/" + area + "/", api.get("/" + area, null).expect(302).header("Location"));
        }
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        for (String area : new String[] {"portal", "console", "admin"}) {
            ApiResponse page = api.get("/" + area + "/", null).expect(200);
            assertTrue(page.contentType().startsWith("text/html"), page.describe());
            String policy = page.header("Content-Security-Policy");
            assertTrue(
                    policy.contains("default-src 'self'")
                            && policy.contains("script-src 'self'")
                            && policy.contains("frame-ancestors 'none'"),
                    policy);
            assertEquals("nosniff", page.header("X-Content-Type-Options"));
            assertTrue(page.body().contains("type=\"module\""), "the page boots from a module script");
        }
        // A HEAD (a link checker, a proxy's probe) gets the headers without the page.
        ApiResponse head = api.send("HEAD", "/portal/", null, null, null).expect(200);
        assertTrue(head.header("Content-Security-Policy").contains("default-src 'self'"));
        assertTrue(head.body().isEmpty());
        ApiResponse script = api.get("/shared/i18n.js", null).expect(200);
        assertTrue(script.contentType().contains("javascript"), script.describe());
    }

    @Test
    void aMissingPageIsAProblemNotAnEmptyAnswer() {
        api.get("/portal/no-such-page.html", null).problem(404);
        // The static folders serve nothing outside themselves.
        api.get("/portal/..%2f..%2fapplication.conf", null).problem(404);
    }

    @Test
    void theBatchFormatsDownloadFromThePortal() {
        ApiResponse csv =
                api.get("/portal/batch/consignments-template.csv", null).expect(200);
        assertTrue(csv.body().contains("direction,expectedDate,consignor.name"), csv.describe());
        assertTrue(api.get("/portal/batch/consignments.xsd", null)
                .expect(200)
                .body()
                .contains("xs:schema"));
    }

    @Test
    void theBrowsersFaviconRequestFindsAnIcon() {
        ApiResponse icon = api.get("/favicon.ico", null).expect(200);
        assertEquals("image/x-icon", icon.contentType(), icon.describe());
        assertTrue(icon.body().length() > 20, "an icon, not an empty answer");
    }

    @Test
    void theConsoleFeedIsStillTheWebSocketAndStillGuarded() {
        // Under /console/ but an API route, mounted first: no session, no feed.
        api.get("/console/v1/feed", null).problem(401);
    }
}
