package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract's examples against a real engine: one walk through the API, from registration to the
 * lane and the console, sending every request example {@code openapi.yaml} documents (a CCRN or an
 * id the engine made is put in where the example has one of its own) and checking every answer,
 * refusals included, against the status and the schema the contract documents for it.
 *
 * <p>What the engine answered is written to {@code target/contract-run.json}: the document's
 * response examples are copied from such runs.
 */
class ContractExamplesTest extends EngineHarness {

    private static final Path RUN_LOG = Path.of("target", "contract-run.json");

    private Vertx vertx;
    private ApiContract contract;
    private LaneTestClient lanes;
    private final List<JsonObject> run = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> exercised = new TreeSet<>();
    private final Set<String> examplesSent = new TreeSet<>();

    @BeforeAll
    void readContract() {
        vertx = Vertx.vertx();
        contract = ApiContract.fromClasspath(vertx);
        lanes = new LaneTestClient(engine.port(), api);
    }

    @AfterAll
    void closeVertx() {
        vertx.close();
    }

    @Test
    void everyDocumentedExampleGetsTheDocumentedAnswer() throws IOException {
        try {
            ContractWalk walk = new ContractWalk(this, api, lanes, engine.port());
            walk.run();
        } finally {
            Files.createDirectories(RUN_LOG.getParent());
            Files.writeString(RUN_LOG, new JsonArray(run).encodePrettily(), StandardCharsets.UTF_8);
        }
        List<String> unsent = new ArrayList<>();
        new ContractExamples(contract)
                .requestExamples()
                .forEach((operation, names) -> names.forEach(name -> {
                    if (!examplesSent.contains(operation + " #" + name)) {
                        unsent.add(operation + " #" + name);
                    }
                }));
        assertTrue(problems.isEmpty(), "answers that differ from the contract:\n  " + String.join("\n  ", problems));
        assertTrue(unsent.isEmpty(), "request examples in openapi.yaml that the walk did not send: " + unsent);
        Set<String> unexercised = new TreeSet<>(contract.operations());
        unexercised.removeAll(exercised);
        unexercised.removeAll(ContractRoutesTest.NOT_YET_MOUNTED);
        assertEquals(Set.of(), unexercised, "documented operations the walk never called (add a call to ContractWalk)");
    }

    /** Whether the engine mounts an operation (some are documented before the change that mounts them lands). */
    boolean mounted(String operation) {
        return ContractRoutesTest.mountedOperations(engine).contains(operation);
    }

    /** A documented request example, to send (the walk may put the engine's own ids into it). */
    JsonObject example(String operation, String name) {
        examplesSent.add(operation + " #" + name);
        return new ContractExamples(contract).requestExample(operation, name);
    }

    /** Checks one answer against the contract and keeps it for the run log. */
    ApiResponse record(String operation, ApiResponse answer) {
        exercised.add(operation);
        problems.addAll(contract.check(operation, answer.status(), answer.contentType(), answer.body()));
        JsonObject entry = new JsonObject()
                .put("operation", operation)
                .put("request", answer.request())
                .put("status", answer.status())
                .put("contentType", answer.contentType());
        try {
            entry.put(
                    "body",
                    answer.body() == null || answer.body().isEmpty()
                            ? null
                            : io.vertx.core.json.Json.decodeValue(answer.body()));
        } catch (RuntimeException notJson) {
            entry.put("body", answer.body().length() > 400 ? answer.body().substring(0, 400) + "..." : answer.body());
        }
        run.add(entry);
        return answer;
    }

    /** Checks a JSON body the walk sends against the documented request schema (a refusal the walk provokes on purpose is not checked). */
    void sending(String operation, JsonObject body) {
        problems.addAll(contract.checkRequest(operation, body));
    }

    /** A WebSocket route reached: its upgrade is the documented 101. */
    void upgraded(String operation) {
        exercised.add(operation);
        problems.addAll(contract.check(operation, 101, null, null));
    }
}
