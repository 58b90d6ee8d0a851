package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.IntakeLimits;
import hk.seamless.engine.Engine;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing anonymous grows the accounts store without bound: registrations are rate limited per
 * client address and overall (429 with Retry-After), and PENDING ones are capped. Each test runs
 * its own engine with small limits; client addresses come through X-Forwarded-For, which the engine
 * trusts from a loopback peer (a proxy on the same host).
 */
class RegistrationLimitsApiTest {

    @TempDir
    Path data;

    private final TestClock clock = new TestClock(TestClock.hongKong(2026, 11, 17, 10, 0, 0));
    private Engine engine;
    private TradeApiClient api;

    private void start(int perAddress, int overall, int pending) {
        IntakeLimits limits =
                new IntakeLimits(perAddress, overall, Duration.ofHours(1), pending, Duration.ofHours(24), 0.8);
        engine = Engine.start(
                EngineConfig.defaults()
                        .withHttpPort(0)
                        .withDataDir(data)
                        .withDailyConsignments(100)
                        .withLimits(limits),
                clock);
        api = new TradeApiClient(engine.port(), engine.adminToken());
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private ApiResponse registerFrom(String address) {
        JsonObject body = new JsonObject()
                .put("role", "SHIPPER")
                .put("name", "Flood Test Ltd")
                .put("email", TradeApiClient.uniqueEmail("flood"));
        return api.post("/api/v1/registrations", null, body, "X-Forwarded-For", address);
    }

    @Test
    void oneAddressIsLimitedAndWaitsForItsBucketToRefill() {
        start(2, 100, 100);
        registerFrom("203.0.113.7").expect(202);
        registerFrom("203.0.113.7").expect(202);

        ApiResponse refused = registerFrom("203.0.113.7");
        JsonObject problem = refused.problem(429);
        assertTrue(problem.getString("detail").contains("your address"), problem.encode());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 1800, "one registration refills in half an hour: " + retryAfter);

        registerFrom("198.51.100.9").expect(202);
        registerFrom(",").expect(202);
        clock.advance(Duration.ofSeconds(retryAfter));
        registerFrom("203.0.113.7").expect(202);
    }

    @Test
    void everyoneTogetherIsLimitedLoopbackIncluded() {
        start(100, 3, 100);
        String first = registerFrom("203.0.113.1").expect(202).json().getString("registrationId");
        registerFrom("203.0.113.2").expect(202);
        api.register("SHIPPER", TradeApiClient.uniqueEmail("local"), null).expect(202);

        ApiResponse refused = registerFrom("203.0.113.4");
        assertTrue(refused.problem(429).getString("detail").contains("too many registrations just now"));
        assertNotNull(refused.header("Retry-After"));
        api.register("SHIPPER", TradeApiClient.uniqueEmail("local"), null).problem(429);
        // Approvals and every other write go on.
        api.approve(first).expect(200);
    }

    @Test
    void pendingRegistrationsAreCappedUntilAnAdminDecides() {
        start(100, 100, 2);
        String first = registerFrom("203.0.113.1").expect(202).json().getString("registrationId");
        registerFrom("203.0.113.2").expect(202);

        ApiResponse refused = registerFrom("203.0.113.3");
        assertTrue(refused.problem(429).getString("title").contains("queue full"), refused.describe());
        assertNotNull(refused.header("Retry-After"));
        assertEquals("UP", api.get("/health", null).expect(200).json().getString("status"));

        api.approve(first).expect(200);
        registerFrom("203.0.113.3").expect(202);
    }
}
