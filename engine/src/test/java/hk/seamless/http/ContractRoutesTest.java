package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract and the engine agree on what exists: every route the engine's router mounts is in
 * {@code openapi.yaml} with its method, and every documented operation is mounted. The failure
 * names each missing route and the place to add it.
 */
class ContractRoutesTest extends EngineHarness {

    /**
     * Documented, and mounted by a change not merged into this branch yet (AuditRoutes is wired in
     * Engine with the segmented log). Once it is mounted, this test says to take it out of here.
     */
    static final Set<String> NOT_YET_MOUNTED = Set.of();

    /** Mounted for browsers, not part of the API: the pages' icon (folders of pages, ending in / or /*, are skipped too). */
    private static final Set<String> PAGES = Set.of("/favicon.ico");

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

    /** "POST /api/v1/bundles/{id}" for each method of each API route the engine's router mounts. */
    static Set<String> mountedOperations(hk.seamless.engine.Engine engine) {
        Set<String> mounted = new TreeSet<>();
        for (Route route : engine.httpRoutes()) {
            String path = route.getPath();
            // No path: a handler for every request (framing, admission) or a regex (the pages' redirects);
            // a folder or a wildcard: pages. (A path with :params is a regex inside Vert.x, but keeps its path.)
            if (path == null || path.endsWith("*") || path.endsWith("/") || PAGES.contains(path)) {
                continue;
            }
            String documented = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            if (route.methods() == null || route.methods().isEmpty()) {
                fail("route " + path + " answers every method; mount it for the methods it serves");
            }
            for (HttpMethod method : route.methods()) {
                if (method != HttpMethod.HEAD) {
                    mounted.add(method.name() + " " + documented);
                }
            }
        }
        return mounted;
    }

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedOneMounted() {
        Set<String> mounted = mountedOperations(engine);
        Set<String> documented = contract.operations();
        List<String> problems = new ArrayList<>();
        for (String operation : mounted) {
            if (!documented.contains(operation)) {
                problems.add(operation
                        + " is mounted by the engine but missing from engine/src/main/resources/openapi.yaml"
                        + " (add it under paths: \"" + operation.substring(operation.indexOf(' ') + 1) + "\": "
                        + operation.substring(0, operation.indexOf(' ')).toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        for (String operation : documented) {
            if (!mounted.contains(operation) && !NOT_YET_MOUNTED.contains(operation)) {
                problems.add(operation + " is documented in openapi.yaml but the engine mounts no such route"
                        + " (a *Routes class's mount(), or take it out of the contract)");
            }
        }
        for (String operation : NOT_YET_MOUNTED) {
            if (mounted.contains(operation)) {
                problems.add(operation + " is mounted now: take it out of ContractRoutesTest.NOT_YET_MOUNTED");
            }
        }
        assertTrue(
                problems.isEmpty(), "the engine's routes and the contract differ:\n  " + String.join("\n  ", problems));
        assertTrue(mounted.size() > 40, "the router should have been read, not found empty: " + mounted);
    }

    /** Each stable code the engine has a name for is in the contract, with its meaning, and in the schema's enum. */
    @Test
    void everyFieldErrorCodeIsListedWithItsMeaning() throws IllegalAccessException {
        Set<String> named = new TreeSet<>();
        for (Field field : hk.seamless.rules.FieldError.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                named.add((String) field.get(null));
            }
        }
        JsonObject listed = contract.errorCodes();
        Set<String> enumerated = new TreeSet<>(ApiContract.strings(contract.document()
                .getJsonObject("components")
                .getJsonObject("schemas")
                .getJsonObject("ErrorCode")
                .getJsonArray("enum")));
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(listed.fieldNames());
        assertEquals(Set.of(), missing, "FieldError codes not in openapi.yaml's x-error-codes");
        assertEquals(
                new TreeSet<>(listed.fieldNames()),
                enumerated,
                "x-error-codes and components.schemas.ErrorCode.enum must list the same codes");
        listed.forEach(e -> assertTrue(
                e.getValue() instanceof String s && s.length() > 10,
                "x-error-codes." + e.getKey() + " must say what it means"));
        // The reference page shows the description, not x- extensions: the table there lists them too.
        String description = contract.document().getJsonObject("info").getString("description");
        listed.fieldNames()
                .forEach(code -> assertTrue(
                        description.contains("| `" + code + "` |"), "info.description's table of codes lacks " + code));
    }
}
