package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.EngineConfig;
import hk.seamless.engine.Engine;
import hk.seamless.lanesim.LaneSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What the lane simulator sends is what the contract documents: the real simulator runs against a
 * real engine through a {@link RecordingProxy} on loopback (a short run over each transport, then
 * lodgement-load and batch-load briefly), and every request it made must be a documented operation
 * (method and path template), with only documented query parameters, path and query values their
 * schemas allow, a body only where one is documented, of a documented media type, and every JSON body
 * valid against the operation's request schema. The simulator plays the traders' systems, so a call
 * the contract does not have is a bug of the simulator or of the contract, never to be let through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaneSimulatorContractTest {

    /** One lane each way for plate-only arrivals, one for gate drops, the others for the rest (as FloorRunTest). */
    private static final String LANES = "LMC-S-01,LMC-S-02,LMC-S-03,LMC-N-01,LMC-N-02";

    private static final int PROBLEMS_SHOWN = 30;
    private static final String SETUP_HEAVY_MIX =
            "ontime=3,watchlisted=1,watchlifted=1,targeted=1,suspended=1,empty=1,notag=1,"
                    + "repeat=1,twin=1,gatedrop=1";

    private Vertx vertx;
    private ApiContract contract;

    @BeforeAll
    void readContract() {
        vertx = Vertx.vertx();
        contract = ApiContract.fromClasspath(vertx);
    }

    @AfterAll
    void closeVertx() {
        vertx.close();
    }

    @Test
    void everyCallTheSimulatorMakesIsADocumentedOperationWithABodyItsSchemaAllows(@TempDir Path dir) throws Exception {
        EngineConfig config = new ConfigLoader(Map.of(
                        "SEAMLESS_BUNDLING_LEAD",
                        "PT0S",
                        "SEAMLESS_HTTP_PORT",
                        "0",
                        "SEAMLESS_DATA_DIR",
                        dir.resolve("data").toString(),
                        "SEAMLESS_DAILY_CONSIGNMENTS",
                        "2000"))
                .load(null);
        List<RecordingProxy.Call> calls;
        try (Engine engine = Engine.start(config, Clock.systemUTC());
                RecordingProxy proxy = RecordingProxy.start(vertx, engine.port())) {
            String target = "http://127.0.0.1:" + proxy.port();
            String admin = engine.adminToken();
            // Reads posted over HTTP with the default mix; then over the lane streams, with a mix that surely
            // has the scenarios whose set-up makes calls of their own (watch list, lifting it, targeting
            // rules, suspensions, EMPTY presses).
            assertEquals(
                    0,
                    simulator(
                            "run",
                            "--target",
                            target,
                            "--admin-token",
                            admin,
                            "--transport",
                            "http",
                            "--rate",
                            "8",
                            "--warmup",
                            "1s",
                            "--duration",
                            "3s",
                            "--vehicles",
                            "30",
                            "--lanes",
                            LANES),
                    "the run over http through the proxy found nothing wrong");
            assertEquals(
                    0,
                    simulator(
                            "run",
                            "--target",
                            target,
                            "--admin-token",
                            admin,
                            "--transport",
                            "ws",
                            "--mix",
                            SETUP_HEAVY_MIX,
                            "--rate",
                            "8",
                            "--warmup",
                            "1s",
                            "--duration",
                            "3s",
                            "--vehicles",
                            "30",
                            "--lanes",
                            LANES),
                    "the run over the lane streams through the proxy found nothing wrong");
            assertEquals(
                    0,
                    simulator(
                            "lodgement-load",
                            "--target",
                            target,
                            "--admin-token",
                            admin,
                            "--requests",
                            "20",
                            "--warmup",
                            "4",
                            "--concurrency",
                            "2"));
            assertEquals(0, simulator("batch-load", "--target", target, "--admin-token", admin, "--rows", "30"));
            calls = proxy.calls();
        }

        Set<String> problems = new LinkedHashSet<>();
        Set<String> called = new TreeSet<>();
        for (RecordingProxy.Call call : calls) {
            String operation = contract.operationOf(call.method(), call.path());
            if (operation == null) {
                problems.add(call.line() + " is not a documented operation (engine/src/main/resources/openapi.yaml)");
                continue;
            }
            called.add(operation);
            problems.addAll(contract.checkPathAndQuery(operation, call.path(), call.query()));
            if (!call.upgrade()) {
                problems.addAll(checkBody(operation, call));
            }
        }
        List<String> shown = new ArrayList<>(problems).subList(0, Math.min(problems.size(), PROBLEMS_SHOWN));
        assertTrue(
                problems.isEmpty(),
                problems.size() + " ways the simulator's requests differ from the contract:\n  "
                        + String.join("\n  ", shown));
        // The runs did exercise what the simulator sends: not a vacuous pass.
        Set<String> expected = new TreeSet<>(Set.of(
                "POST /api/v1/registrations",
                "POST /api/v1/admin/registrations/{id}/approve",
                "POST /api/v1/admin/accounts",
                "GET /api/v1/settings",
                "GET /api/v1/risk/random-rates",
                "GET /api/v1/risk/watchlist",
                "POST /api/v1/vehicles",
                "POST /api/v1/consignments/batch",
                "POST /api/v1/consignments",
                "POST /api/v1/bundles",
                "POST /api/v1/risk/watchlist",
                "POST /api/v1/admin/devices",
                "POST /lane/v1/lanes/{lane}/plate-reads",
                "POST /lane/v1/lanes/{lane}/tag-reads",
                "GET /lane/v1/lanes/{lane}/gate",
                "GET /lane/v1/lanes/{lane}/stream",
                "POST /lane/v1/lanes/{lane}/empty-declarations",
                "DELETE /api/v1/risk/watchlist/{entryId}",
                "POST /api/v1/admin/accounts/{id}/suspend"));
        expected.removeAll(called);
        assertEquals(Set.of(), expected, "operations the runs were expected to call but did not; called: " + called);
    }

    /** A body only where documented, of a documented media type, and a JSON one valid against the request schema. */
    private List<String> checkBody(String operation, RecordingProxy.Call call) {
        boolean hasBody = call.body() != null && call.body().length() > 0;
        List<String> problems = new ArrayList<>(contract.checkRequestMedia(operation, call.contentType(), hasBody));
        if (problems.isEmpty()
                && hasBody
                && call.contentType() != null
                && call.contentType().startsWith("application/json")) {
            try {
                problems.addAll(contract.checkRequest(operation, new JsonObject(call.body())));
            } catch (DecodeException | ClassCastException e) {
                problems.add(call.line() + ": the body is not a JSON object: " + call.body());
            }
        }
        return problems;
    }

    private static int simulator(String... args) {
        return new CommandLine(new LaneSimulator()).execute(args);
    }
}
