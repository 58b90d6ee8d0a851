package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The API reference page in a real browser: Redoc, served by the engine, renders the engine's
 * contract, under the page's Content-Security-Policy, asking no other site for anything.
 */
class ApiDocsBrowserTest extends EngineHarness {

    private static final Duration RENDERING = Duration.ofSeconds(90);

    @Test
    void theReferencePageRendersTheContract() {
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/docs/");
            // Redoc reads a 1 MB bundle and a 2,000-line contract before it shows anything: on a
            // busy 2-core machine that takes a while. A ceiling for waiting, never a speed claim.
            try {
                browser.await(
                        d -> d.findElement(By.tagName("body"))
                                        .getText()
                                        .contains("Lodge cargo information; the answer carries the CCRN")
                                ? Boolean.TRUE
                                : null,
                        RENDERING,
                        "the reference page rendering the contract");
            } catch (RuntimeException e) {
                throw new AssertionError(
                        "the reference page did not render; the browser said: " + browser.scriptErrors(), e);
            }
            browser.awaitPageText("Seamless clearance engine API");
            browser.screenshot("api-docs");
            // Every resource the page loaded came from the engine (Redoc's branding image is blocked by the policy).
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) browser.script(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
            String origin = "http://127.0.0.1:" + engine.port() + "/";
            assertTrue(
                    loaded.stream().anyMatch(u -> u.endsWith("/openapi.yaml")),
                    "the page fetched the contract: " + loaded);
            List<String> log = browser.scriptErrors();
            // Redoc's sidebar asks its makers' CDN for a logo: the page's policy (img-src) refuses it
            // before any request is made. Anything else from elsewhere, or any other error, fails.
            for (String elsewhere : loaded.stream()
                    .filter(u -> !u.startsWith(origin) && !u.startsWith("data:"))
                    .toList()) {
                assertTrue(
                        log.stream().anyMatch(m -> m.contains(elsewhere) && m.contains("Content Security Policy")),
                        elsewhere + " was loaded, not refused by the page's policy: " + log);
            }
            List<String> errors = log.stream()
                    .filter(m -> !(m.contains("https://cdn.redoc.ly/redoc/logo-mini.svg")
                            && m.contains("Content Security Policy")))
                    .toList();
            assertEquals(List.of(), errors, "script errors or policy violations on the reference page");
            assertTrue(
                    browser.driver()
                                    .findElements(By.cssSelector("[data-section-id]"))
                                    .size()
                            > 40,
                    "a section for each operation");
        }
    }
}
