package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.Topology;
import hk.seamless.engine.Engine;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each role serves, over HTTP on real engines (Kafka away: routes do not need it). The
 * registry serves no lane console; a lane engine no trader portal, public registration, templates
 * or IVRS PIN; a route a role does not serve is a 404 with or without credentials, never a 401.
 * Both keep sign-in, the admin desk and its APIs, health, metrics and the audit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleRoutesTest {

    private static final String FEED_TOKEN = "feed-token-for-the-role-routes-0123";
    private static final String PASSWORD = "officer-password-1234";

    private Engine registry;
    private Engine lane;
    private TradeApiClient registryApi;
    private TradeApiClient laneApi;

    @BeforeAll
    void start(@TempDir Path folder) {
        TestClock clock = new TestClock(EngineHarness.START);
        registry = Engine.start(
                config(folder.resolve("registry")).withTopology(Topology.registry("127.0.0.1:1", FEED_TOKEN)), clock);
        lane = Engine.start(
                config(folder.resolve("lane"))
                        .withTopology(Topology.lane(
                                "127.0.0.1:1", "LMC", URI.create("http://127.0.0.1:" + registry.port()), FEED_TOKEN)),
                clock);
        registryApi = new TradeApiClient(registry.port(), registry.adminToken());
        laneApi = new TradeApiClient(lane.port(), lane.adminToken());
    }

    private static EngineConfig config(Path dataDir) {
        return EngineConfig.defaults().withHttpPort(0).withDataDir(dataDir).withDailyConsignments(100);
    }

    @AfterAll
    void stop() {
        if (lane != null) {
            lane.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theRegistryServesNoLaneConsole() {
        for (String page : List.of("/console", "/console/", "/console/index.html", "/console/console.js")) {
            registryApi.get(page, null).problem(404);
        }
        registryApi.get("/console/v1/feed", null).problem(404);
        registryApi.get("/api/v1/arrivals", registryApi.adminToken()).problem(404);
        registryApi.get("/api/v1/admin/devices", registryApi.adminToken()).problem(404);
        registryApi
                .post("/lane/v1/lanes/LMC-I1/plate-reads", null, new JsonObject())
                .problem(404);
        // What it does serve.
        assertEquals("/portal/", registryApi.get("/", null).expect(302).header("Location"));
        registryApi.get("/portal/", null).expect(200);
        registryApi.get("/admin/", null).expect(200);
        registryApi
                .register("SHIPPER", TradeApiClient.uniqueEmail("shipper"), PASSWORD)
                .expect(202);
    }

    @Test
    void aLaneEngineServesNoTraderPortalNorAnythingOnlyTradersUse() {
        for (String page :
                List.of("/portal", "/portal/", "/portal/portal.js", "/portal/batch/consignments-template.csv")) {
            laneApi.get(page, null).problem(404);
        }
        laneApi.register("SHIPPER", TradeApiClient.uniqueEmail("shipper"), PASSWORD)
                .problem(404);
        TradeApiClient.Account officer = laneApi.newStaff("OFFICER", PASSWORD);
        laneApi.get("/api/v1/templates", officer.token()).problem(404);
        laneApi.put("/api/v1/accounts/me/ivrs-pin", officer.token(), new JsonObject().put("pin", "482913"))
                .problem(404);
        laneApi.get("/api/v1/admin/registrations?status=PENDING", laneApi.adminToken())
                .problem(404);
    }

    @Test
    void aRouteTheRoleDoesNotServeIsA404WithOrWithoutCredentials() {
        JsonObject lodgement = TradeApiClient.packaged("IMPORT", java.time.LocalDate.of(2026, 11, 18));
        laneApi.post("/api/v1/consignments", null, lodgement).problem(404);
        laneApi.post("/api/v1/consignments", laneApi.adminToken(), lodgement).problem(404);
        laneApi.send("POST", "/api/v1/consignments/batch", null, "text/csv", TradeApiClient.bytes("x"))
                .problem(404);
        registryApi
                .post("/api/v1/arrivals/A-1/override", null, new JsonObject())
                .problem(404);
    }

    @Test
    void aLaneEngineKeepsSignInTheAdminDeskHealthMetricsAndTheAudit() {
        assertEquals("/console/", laneApi.get("/", null).expect(302).header("Location"));
        laneApi.get("/console/", null).expect(200);
        laneApi.get("/admin/", null).expect(200);
        laneApi.get("/admin/admin.js", null).expect(200);
        TradeApiClient.Account officer = laneApi.newStaff("OFFICER", PASSWORD);
        ApiResponse signIn = laneApi.post(
                "/api/v1/sessions",
                null,
                new JsonObject().put("email", officer.email()).put("password", PASSWORD));
        assertTrue(signIn.status() < 300, signIn.describe());
        // The admin desk checks its token here, in every role (the registration queue is trade only).
        laneApi.get("/api/v1/admin/accounts?role=ADMIN", laneApi.adminToken()).expect(200);
        laneApi.get("/api/v1/admin/accounts?role=ADMIN", null).problem(401);
        laneApi.get("/api/v1/admin/devices", laneApi.adminToken()).expect(200);
        laneApi.get("/health", null).expect(200);
        laneApi.get("/metrics", null).expect(200);
        laneApi.get("/api/v1/audit", laneApi.adminToken()).expect(200);
        registryApi
                .get("/api/v1/admin/accounts?role=ADMIN", registryApi.adminToken())
                .expect(200);
    }

    @Test
    void theAdminDeskShowsThePanelsOfItsEnginesRole() {
        try (Browser browser = Browser.open(lane.port())) {
            openDesk(browser, laneApi);
            browser.shown("#accounts");
            browser.shown("#devices");
            browser.await(
                    d -> d.findElement(org.openqa.selenium.By.id("registrations"))
                                    .isDisplayed()
                            ? null
                            : Boolean.TRUE,
                    "the registration queue, which a lane engine has not, to be hidden");
            assertEquals("", errorsShown(browser), "no error on the desk");
            assertEquals(List.of(), browser.scriptErrors());
        }
        try (Browser browser = Browser.open(registry.port())) {
            openDesk(browser, registryApi);
            browser.shown("#registrations");
            browser.await(
                    d -> d.findElement(org.openqa.selenium.By.id("devices")).isDisplayed() ? null : Boolean.TRUE,
                    "the lane devices, which the registry has not, to be hidden");
            assertEquals("", errorsShown(browser), "no error on the desk");
            assertEquals(List.of(), browser.scriptErrors());
        }
    }

    /** The text of every error area of the desk's panels. */
    private static String errorsShown(Browser browser) {
        return String.valueOf(browser.script("return [...document.querySelectorAll('.form-errors')]"
                        + ".map(e => e.textContent.trim()).join('')"))
                .strip();
    }

    private static void openDesk(Browser browser, TradeApiClient api) {
        browser.go("/admin");
        browser.type("Admin token", api.adminToken()).click("Open the desk");
        browser.shown("#desk");
    }
}
