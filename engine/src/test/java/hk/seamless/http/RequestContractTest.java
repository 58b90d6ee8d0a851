package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served contract checks a JSON body's shape before the route reads it, on a real HTTP server:
 * a route here stands for any documented operation and only says it was reached. What the contract
 * leaves to the domain code (the values' rules, the choice between packaged and bulk) reaches it.
 */
class RequestContractTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static RequestContract contract;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void serve() throws Exception {
        vertx = Vertx.vertx();
        contract = RequestContract.load(vertx)
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.put(RequestContract.class.getName(), contract);
            ctx.next();
        });
        router.route().handler(BodyHandler.create(false));
        router.post("/api/v1/consignments").handler(RequestContractTest::reached);
        router.post("/not/in/the/contract").handler(RequestContractTest::reached);
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
    }

    private static void reached(io.vertx.ext.web.RoutingContext ctx) {
        try {
            RequestBodies.jsonObject(ctx);
            ctx.response().end("reached");
        } catch (RuntimeException e) {
            Failures.send(ctx.response(), e);
        }
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static JsonObject cargo() {
        return new JsonObject()
                .put("direction", "IMPORT")
                .put("expectedDate", "2026-11-19")
                .put(
                        "consignor",
                        new JsonObject().put("name", "Shenzhen Parts Co").put("address", "1 Huaqiang Road"))
                .put(
                        "consignee",
                        new JsonObject().put("name", "Kwun Tong Traders").put("address", "12 Hoi Yuen Road"))
                .put(
                        "packaged",
                        new JsonObject()
                                .put("packageDescription", "CARTONS")
                                .put("packageCount", 12)
                                .put("articlesDescription", "Phone cables"));
    }

    private static HttpResponse<String> post(String path, JsonObject body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fieldsAndCodes(HttpResponse<String> answer) {
        assertEquals(400, answer.statusCode(), answer.body());
        JsonArray errors = new JsonObject(answer.body()).getJsonArray("errors");
        List<String> named = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            named.add(errors.getJsonObject(i).getString("field") + " "
                    + errors.getJsonObject(i).getString("code"));
        }
        return named.stream().sorted().toList();
    }

    @Test
    void aBodyOfTheDocumentedShapeReachesTheRoute() throws Exception {
        assertEquals("reached", post("/api/v1/consignments", cargo()).body());
    }

    @Test
    void missingFieldsWrongTypesAndUnknownFieldsAreRefusedBeforeTheRoute() throws Exception {
        JsonObject body = cargo().put("direction", 5).put("colour", "red");
        body.getJsonObject("consignor").remove("address");
        body.getJsonObject("packaged").put("packageCount", "twelve");

        assertEquals(
                List.of(
                        "colour invalid",
                        "consignor.address required",
                        "direction invalid",
                        "packaged.packageCount invalid"),
                fieldsAndCodes(post("/api/v1/consignments", body)));
    }

    @Test
    void theRulesOfValuesAndTheChoiceOfCargoAreLeftToTheDomainCode() throws Exception {
        // A past date, a CCRN-like text where any text is documented, a count of 0, no cargo at all:
        // the shape is right, so the route decides (with its own codes and words).
        JsonObject body = cargo().put("expectedDate", "2001-01-01").put("direction", "SIDEWAYS");
        body.getJsonObject("packaged").put("packageCount", 0);
        assertEquals("reached", post("/api/v1/consignments", body).body());
        JsonObject neither = cargo();
        neither.remove("packaged");
        assertEquals("reached", post("/api/v1/consignments", neither).body());
    }

    @Test
    void aNullIsAFieldNotGiven() throws Exception {
        assertEquals(
                "reached", post("/api/v1/consignments", cargo().putNull("bulk")).body());
        assertEquals(
                List.of("direction required"),
                fieldsAndCodes(post("/api/v1/consignments", cargo().putNull("direction"))));
    }

    /** The engine reads the contract while it starts serving: a write that comes first waits, unchecked never. */
    @Test
    void aWriteBeforeTheContractIsReadWaitsForIt() throws Exception {
        io.vertx.core.Promise<RequestContract> loading = io.vertx.core.Promise.promise();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false));
        router.route().handler(ctx -> HttpApi.withContract(ctx, loading.future()));
        router.post("/api/v1/consignments").handler(RequestContractTest::reached);
        router.get("/health").handler(ctx -> ctx.response().end("up"));
        HttpServer early = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        try {
            String base = "http://127.0.0.1:" + early.actualPort();
            java.util.concurrent.CompletableFuture<HttpResponse<String>> write = HTTP.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/consignments"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    cargo().put("colour", "red").encode()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    "up",
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create(base + "/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body(),
                    "a read does not wait for the contract");
            assertFalse(write.isDone(), "the write waits while the contract is read");

            loading.complete(contract);

            assertEquals(
                    List.of("colour invalid"), fieldsAndCodes(write.get(30, java.util.concurrent.TimeUnit.SECONDS)));
        } finally {
            early.close();
        }
    }

    @Test
    void fieldsAreNamedAsTheDomainCodeNamesThem() {
        assertEquals("consignee.name", RequestContract.field("#/consignee/name"));
        assertEquals("results[0].confidence", RequestContract.field("#/results/0/confidence"));
        assertEquals("ccrns[2]", RequestContract.field("#/ccrns/2"));
        assertEquals("", RequestContract.field("#"));
    }

    @Test
    void anUndocumentedRouteIsNotCheckedByIt() throws Exception {
        assertEquals(
                "reached",
                post("/not/in/the/contract", new JsonObject().put("anything", 1))
                        .body());
    }

    @Test
    void whatTheValidatorIsGivenKeepsOnlyShapeAndJson() {
        JsonObject shape = RequestContract.shapeOnly(RequestContract.readDocument());
        List<String> left = new ArrayList<>();
        collectKeywords(
                shape.getJsonObject("components").getJsonObject("schemas"), RequestContract.VALUE_RULES, left, "");
        assertEquals(List.of(), left, "value rules stay with the domain code");
        shape.getJsonObject("paths")
                .forEach(path -> ((JsonObject) path.getValue()).forEach(op -> {
                    if (op.getValue() instanceof JsonObject operation
                            && operation.getJsonObject("requestBody") != null) {
                        assertEquals(
                                Set.of("application/json"),
                                operation
                                        .getJsonObject("requestBody")
                                        .getJsonObject("content")
                                        .fieldNames(),
                                path.getKey());
                    }
                }));
        assertFalse(RequestContract.readDocument().getJsonObject("paths").isEmpty());
        assertTrue(contract.checksBodyOf(io.vertx.core.http.HttpMethod.POST, "/api/v1/consignments"));
        assertTrue(contract.checksBodyOf(io.vertx.core.http.HttpMethod.POST, "/api/v1/bundles"));
        // The lane devices' hot path is held to the contract by the tests, not per read (see LANE_DEVICES).
        assertFalse(contract.checksBodyOf(io.vertx.core.http.HttpMethod.POST, "/lane/v1/lanes/LMC-S-01/plate-reads"));
    }

    private static void collectKeywords(Object node, Set<String> keywords, List<String> found, String at) {
        if (node instanceof JsonObject object) {
            object.forEach(e -> {
                if (keywords.contains(e.getKey()) && !(e.getValue() instanceof JsonObject)) {
                    found.add(at + "/" + e.getKey());
                }
                collectKeywords(e.getValue(), keywords, found, at + "/" + e.getKey());
            });
        } else if (node instanceof JsonArray array) {
            array.forEach(v -> collectKeywords(v, keywords, found, at));
        }
    }
}
