package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine serves its contract and a page to read it by, from the jar, guarded like its other pages. */
class ContractServingTest extends EngineHarness {

    private Vertx vertx;

    @BeforeAll
    void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    void closeVertx() {
        vertx.close();
    }

    @Test
    void theContractIsServedAsShippedAndIsOpenApi31() throws IOException {
        ApiResponse served = api.get("/openapi.yaml", null).expect(200);
        assertTrue(served.contentType().startsWith("application/yaml"), served.contentType());
        assertEquals("nosniff", served.header("X-Content-Type-Options"));
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(ApiContract.RESOURCE)) {
            assertEquals(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), served.body());
        }
        ApiContract contract = ApiContract.parse(vertx, served.body());
        assertTrue(
                contract.operations().contains("POST /api/v1/consignments"), "the lodgement is in the served contract");
        assertTrue(api.send("HEAD", "/openapi.yaml", null, null, null)
                .expect(200)
                .body()
                .isEmpty());
    }

    @Test
    void aDocumentThatIsNotOpenApi31IsRefusedByTheCheckItself() {
        // The check the tests rely on can fail: a path item with an unknown field is not OpenAPI 3.1.
        assertThrows(
                AssertionError.class,
                () -> ApiContract.parse(
                        vertx, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    fetch: {}\n"));
        assertThrows(
                AssertionError.class,
                () -> ApiContract.parse(vertx, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"));
    }

    @Test
    void theReferencePageLoadsOnlyFromTheEngine() {
        assertEquals("/docs/", api.get("/docs", null).expect(302).header("Location"));
        ApiResponse page = api.get("/docs/", null).expect(200);
        assertTrue(page.contentType().startsWith("text/html"), page.describe());
        assertTrue(
                page.body().contains("/docs/redoc.standalone.js") && page.body().contains("/openapi.yaml"),
                page.body());
        String policy = page.header("Content-Security-Policy");
        for (String directive : new String[] {
            "default-src 'self'",
            "script-src 'self';",
            "connect-src 'self'",
            "img-src 'self' data:",
            "worker-src 'none'",
            "frame-ancestors 'none'",
            "object-src 'none'"
        }) {
            assertTrue(policy.contains(directive), "the reference page's policy lacks " + directive + ": " + policy);
        }
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertFalse(policy.contains("http"), "no other site is allowed: " + policy);
        ApiResponse renderer = api.get("/docs/redoc.standalone.js", null).expect(200);
        assertTrue(renderer.contentType().contains("javascript"), renderer.describe());
        assertTrue(renderer.body().length() > 500_000, "the vendored Redoc bundle is served whole");
        assertTrue(api.get("/docs/docs.js", null).expect(200).body().contains("disableSearch: true"));
        api.get("/docs/REDOC-LICENSE.txt", null).expect(200);
        // The other pages keep their strict policy: no inline styles there.
        assertFalse(api.get("/portal/", null)
                .expect(200)
                .header("Content-Security-Policy")
                .contains("unsafe-inline"));
    }
}
