package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The contract on its own: OpenAPI 3.1, and every example it gives allowed by the schema it gives. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractDocumentTest {

    private Vertx vertx;
    private ApiContract contract;

    @BeforeAll
    void read() {
        vertx = Vertx.vertx();
        contract = ApiContract.fromClasspath(vertx);
    }

    @AfterAll
    void close() {
        vertx.close();
    }

    @Test
    void everyExampleFitsItsSchema() {
        assertEquals(List.of(), new ContractExamples(contract).examplesThatDoNotFit());
    }

    @Test
    void theSchemaCheckCatchesAnExampleThatDoesNotFit() {
        // The check above can fail: a problem without its status is refused by the Problem schema.
        JsonObject problemSchema = contract.operation("GET /api/v1/accounts/me")
                .getJsonObject("responses")
                .getJsonObject("401")
                .getJsonObject("content")
                .getJsonObject("application/problem+json")
                .getJsonObject("schema");
        assertFalse(SchemaFit.fits(
                        problemSchema,
                        new JsonObject()
                                .put("type", "urn:seamless:problem:x")
                                .put("title", "X")
                                .put("detail", "no status"))
                .isEmpty());
        assertEquals(
                List.of(),
                SchemaFit.fits(
                        problemSchema,
                        new JsonObject()
                                .put("type", "urn:seamless:problem:x")
                                .put("title", "X")
                                .put("status", 401)
                                .put("detail", "d")));
    }
}
