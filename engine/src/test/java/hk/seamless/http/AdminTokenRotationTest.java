package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import hk.seamless.config.EngineConfig;
import hk.seamless.engine.Engine;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's token is replaced, never added to: a new configured token makes the old one stop
 * working, a rotation through the API is kept across restarts, and the token file follows it.
 */
class AdminTokenRotationTest {

    private final TestClock clock = new TestClock(TestClock.hongKong(2026, 11, 17, 10, 0, 0));
    private static final JsonObject WHY = new JsonObject().put("reason", "quarterly rotation");

    private Engine start(Path dataDir, String configuredToken) {
        EngineConfig config =
                EngineConfig.defaults().withHttpPort(0).withDataDir(dataDir).withDailyConsignments(100);
        return Engine.start(configuredToken == null ? config : config.withAdminToken(configuredToken), clock);
    }

    private static int me(Engine engine, String token) {
        return new TradeApiClient(engine.port(), token)
                .get("/api/v1/accounts/me", token)
                .status();
    }

    @Test
    void aChangedConfiguredTokenReplacesTheOldOneAndAnApiRotationOutlivesARestart(@TempDir Path dataDir) {
        String a = "sl_configured-token-A-0123456789abcdef";
        String b = "sl_configured-token-B-0123456789abcdef";
        try (Engine engine = start(dataDir, a)) {
            assertEquals(200, me(engine, a));
        }
        String rotated;
        try (Engine engine = start(dataDir, b)) {
            assertEquals(401, me(engine, a), "the old configured token stops working");
            assertEquals(200, me(engine, b));
            TradeApiClient admin = new TradeApiClient(engine.port(), b);
            admin.post("/api/v1/admin/token/rotate", b, new JsonObject()).problemNaming(400, "reason");
            rotated = admin.post("/api/v1/admin/token/rotate", b, WHY)
                    .expect(200)
                    .json()
                    .getString("token");
            assertNotEquals(b, rotated);
            assertEquals(401, me(engine, b), "the token it rotated with stops working at once");
            assertEquals(200, me(engine, rotated));
        }
        try (Engine engine = start(dataDir, b)) {
            assertEquals(401, me(engine, b), "the same configuration does not bring a rotated-away token back");
            assertEquals(200, me(engine, rotated));
        }
    }

    @Test
    void aConfiguredTokenThatReplacedTheGeneratedOneStaysInForceWithoutTheSetting(@TempDir Path dataDir)
            throws Exception {
        String generated;
        try (Engine engine = start(dataDir, null)) {
            generated = Files.readString(dataDir.resolve("admin.token")).strip();
            assertEquals(200, me(engine, generated));
        }
        String configured = "sl_configured-token-C-0123456789abcdef";
        try (Engine engine = start(dataDir, configured)) {
            assertEquals(401, me(engine, generated));
            assertEquals(200, me(engine, configured));
        }
        assertEquals(
                configured,
                Files.readString(dataDir.resolve("admin.token")).strip(),
                "the file says the token in force");
        try (Engine engine = start(dataDir, null)) {
            assertEquals(401, me(engine, generated), "the revoked token does not come back from a stale file");
            assertEquals(200, me(engine, configured));
        }
    }

    @Test
    void aRotationRewritesTheTokenFile(@TempDir Path dataDir) throws Exception {
        String first;
        String rotated;
        try (Engine engine = start(dataDir, null)) {
            first = Files.readString(dataDir.resolve("admin.token")).strip();
            assertEquals(200, me(engine, first));
            rotated = new TradeApiClient(engine.port(), first)
                    .post("/api/v1/admin/token/rotate", first, WHY)
                    .expect(200)
                    .json()
                    .getString("token");
            assertEquals(
                    rotated, Files.readString(dataDir.resolve("admin.token")).strip());
            assertEquals(401, me(engine, first));
        }
        try (Engine engine = start(dataDir, null)) {
            assertEquals(200, me(engine, rotated));
            assertEquals(401, me(engine, first));
            assertEquals(
                    "rw-------",
                    java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dataDir.resolve("admin.token"))));
        }
    }
}
