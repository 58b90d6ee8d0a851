package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lodgement templates: a shipper's or agent's saved lodgement forms, each account's own. */
class TemplateApiTest extends EngineHarness {

    private static final String TEMPLATES = "/api/v1/templates";

    /** A name as a path segment: spaces as %20 (a "+" in a path is a plus), "/" as %2F. */
    private static String path(String name) {
        return TEMPLATES + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A lodgement body without its expected date, as a template keeps it. */
    private static JsonObject cargo() {
        JsonObject cargo = TradeApiClient.packaged(
                "IMPORT", START.atZone(TestClock.HONG_KONG).toLocalDate());
        cargo.remove("expectedDate");
        return cargo;
    }

    private ApiResponse save(String token, String name, JsonObject cargo, String... headers) {
        return api.put(path(name), token, new JsonObject().put("cargo", cargo), headers);
    }

    private List<String> names(String token) {
        JsonArray templates = api.get(TEMPLATES, token).expect(200).json().getJsonArray("templates");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            names.add(templates.getJsonObject(i).getString("name"));
        }
        return names;
    }

    @Test
    void aShipperSavesReadsListsReplacesAndDeletesATemplate() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        assertEquals(List.of(), names(shipper.token()));

        JsonObject saved = save(shipper.token(), "Weekly Shenzhen run", cargo())
                .expect(200)
                .json();
        assertEquals("Weekly Shenzhen run", saved.getString("name"));
        assertEquals(cargo(), saved.getJsonObject("cargo"));
        assertEquals("2026-11-17T10:00:00.000+08:00", saved.getString("savedAt"));
        assertEquals(
                saved,
                api.get(path("Weekly Shenzhen run"), shipper.token())
                        .expect(200)
                        .json());
        JsonArray listed =
                api.get(TEMPLATES, shipper.token()).expect(200).json().getJsonArray("templates");
        assertEquals(1, listed.size());
        assertEquals(saved, listed.getJsonObject(0));

        // Saved again under the same name, it is replaced, not added.
        clock.advance(Duration.ofHours(1));
        JsonObject bulk = TradeApiClient.bulk("EXPORT", today());
        bulk.remove("expectedDate");
        JsonObject replaced =
                save(shipper.token(), "Weekly Shenzhen run", bulk).expect(200).json();
        assertEquals(bulk, replaced.getJsonObject("cargo"));
        assertEquals("2026-11-17T11:00:00.000+08:00", replaced.getString("savedAt"));
        assertEquals(
                replaced,
                api.get(path("Weekly Shenzhen run"), shipper.token())
                        .expect(200)
                        .json());
        assertEquals(List.of("Weekly Shenzhen run"), names(shipper.token()));

        ApiResponse deleted =
                api.delete(path("Weekly Shenzhen run"), shipper.token()).expect(204);
        assertEquals("", deleted.body());
        api.get(path("Weekly Shenzhen run"), shipper.token()).problem(404);
        api.delete(path("Weekly Shenzhen run"), shipper.token()).problem(404);
        assertEquals(List.of(), names(shipper.token()));
    }

    @Test
    void templatesAreListedByNameIgnoringCase() {
        TradeApiClient.Account agent = api.newAccount("AGENT");
        for (String name : List.of("tsing yi fuel", "Lok Ma Chau electronics", "B/L 2026 pattern", "深圳 電子", "alpha")) {
            save(agent.token(), name, cargo()).expect(200);
        }
        assertEquals(
                List.of("alpha", "B/L 2026 pattern", "Lok Ma Chau electronics", "tsing yi fuel", "深圳 電子"),
                names(agent.token()));
        // Names with a slash or Chinese characters are found by their encoded path.
        assertEquals(
                "B/L 2026 pattern",
                api.get(path("B/L 2026 pattern"), agent.token())
                        .expect(200)
                        .json()
                        .getString("name"));
        assertEquals(
                "深圳 電子",
                api.get(path("深圳 電子"), agent.token()).expect(200).json().getString("name"));
        // Spaces around a name are not part of it.
        assertEquals(
                "alpha",
                save(agent.token(), "  alpha ", cargo()).expect(200).json().getString("name"));
        assertEquals(5, names(agent.token()).size());
    }

    @Test
    void aTemplateFillsALodgementOnceTheDateIsGiven() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        save(shipper.token(), "regular", cargo()).expect(200);
        JsonObject form =
                api.get(path("regular"), shipper.token()).expect(200).json().getJsonObject("cargo");
        form.put("expectedDate", today().plusDays(1).toString());
        assertEquals("LODGED", api.lodge(shipper.token(), form).getString("status"));
    }

    @Test
    void aDraftNeedNotBeACompleteLodgement() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject partial = new JsonObject().put("consignee", new JsonObject().put("name", "Kowloon Bay Trading Ltd"));
        assertEquals(
                partial,
                save(shipper.token(), "consignee only", partial)
                        .expect(200)
                        .json()
                        .getJsonObject("cargo"));
        assertEquals(
                new JsonObject(),
                save(shipper.token(), "blank", new JsonObject())
                        .expect(200)
                        .json()
                        .getJsonObject("cargo"));
        // Left empty or null in the form, a member is simply not kept.
        JsonObject unset =
                new JsonObject().put("direction", "").put("bulk", null).put("consignor", new JsonObject());
        assertEquals(
                new JsonObject().put("consignor", new JsonObject()),
                save(shipper.token(), "unset", unset).expect(200).json().getJsonObject("cargo"));
        assertEquals(
                "EXPORT",
                save(shipper.token(), "padded", new JsonObject().put("direction", " EXPORT "))
                        .expect(200)
                        .json()
                        .getJsonObject("cargo")
                        .getString("direction"));
    }

    @Test
    void anotherAccountsTemplateIsSimplyNotFound() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account other = api.newAccount("AGENT");
        save(shipper.token(), "Shared name", cargo()).expect(200);

        api.get(path("Shared name"), other.token()).problem(404);
        api.delete(path("Shared name"), other.token()).problem(404);
        assertEquals(List.of(), names(other.token()));
        // The other account's own template of the same name is its own and leaves the first alone.
        JsonObject theirs = new JsonObject().put("direction", "EXPORT");
        save(other.token(), "Shared name", theirs).expect(200);
        assertEquals(
                theirs,
                api.get(path("Shared name"), other.token()).expect(200).json().getJsonObject("cargo"));
        assertEquals(
                cargo(),
                api.get(path("Shared name"), shipper.token()).expect(200).json().getJsonObject("cargo"));
    }

    @Test
    void onlyShippersAndAgentsKeepTemplates() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        TradeApiClient.Account officer = api.newAccount("OFFICER");
        for (String token : List.of(trucker.token(), officer.token(), api.adminToken())) {
            api.get(TEMPLATES, token).problem(403);
            api.get(path("x"), token).problem(403);
            save(token, "x", cargo()).problem(403);
            api.delete(path("x"), token).problem(403);
        }
        api.get(TEMPLATES, null).problem(401);
        save(null, "x", cargo()).problem(401);
    }

    @Test
    void theExpectedDateIsRefusedBecauseEachLodgementGivesItsOwn() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject dated = cargo().put("expectedDate", today().plusDays(1).toString());
        JsonObject problem = save(shipper.token(), "dated", dated).problemNaming(400, "cargo.expectedDate");
        String message = problem.getJsonArray("errors").getJsonObject(0).getString("message");
        assertTrue(message.contains("templates leave the date to each lodgement"), message);
        api.get(path("dated"), shipper.token()).problem(404);
    }

    @Test
    void badCargoIsAClientErrorNamingEachField() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        save(shipper.token(), "t", new JsonObject().put("direction", "SIDEWAYS"))
                .problemNaming(400, "cargo.direction");
        save(shipper.token(), "t", new JsonObject().put("direction", 1)).problemNaming(400, "cargo.direction");
        save(shipper.token(), "t", new JsonObject().put("grossWeight", 10)).problemNaming(400, "cargo.grossWeight");
        for (String part : List.of("consignor", "consignee", "packaged", "bulk")) {
            save(shipper.token(), "t", new JsonObject().put(part, "Kowloon Bay Trading Ltd"))
                    .problemNaming(400, "cargo." + part);
            save(shipper.token(), "t", new JsonObject().put(part, new JsonArray()))
                    .problemNaming(400, "cargo." + part);
        }
        JsonObject several = save(
                        shipper.token(),
                        "t",
                        new JsonObject()
                                .put("direction", "NORTH")
                                .put("bulk", 5)
                                .put("expectedDate", "2026-12-01"))
                .problem(400);
        assertEquals(
                List.of("cargo.expectedDate", "cargo.direction", "cargo.bulk").stream()
                        .sorted()
                        .toList(),
                ApiResponse.fields(several).stream().sorted().toList(),
                "every error at once");

        api.put(path("t"), shipper.token(), new JsonObject()).problemNaming(400, "cargo");
        api.put(path("t"), shipper.token(), new JsonObject().put("cargo", "IMPORT"))
                .problemNaming(400, "cargo");
        api.put(
                        path("t"),
                        shipper.token(),
                        new JsonObject().put("cargo", cargo()).put("name", "t"))
                .problemNaming(400, "name");
        api.send("PUT", path("t"), shipper.token(), "application/json", TradeApiClient.bytes("[1]"))
                .problem(400);
        api.send("PUT", path("t"), shipper.token(), "application/json", TradeApiClient.bytes("{\"cargo\":"))
                .problem(400);
        api.send("PUT", path("t"), shipper.token(), "text/plain", TradeApiClient.bytes("{}"))
                .problem(415);
        assertEquals(List.of(), names(shipper.token()), "nothing refused was kept");
    }

    @Test
    void cargoIsAtMostEightKibibytes() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject big = new JsonObject().put("packaged", new JsonObject().put("articlesDescription", ""));
        int overhead = big.encode().length();
        big.getJsonObject("packaged").put("articlesDescription", "x".repeat(8 * 1024 - overhead));
        assertEquals(8 * 1024, big.encode().length());
        assertEquals(
                big, save(shipper.token(), "largest", big).expect(200).json().getJsonObject("cargo"));
        assertEquals(
                big,
                api.get(path("largest"), shipper.token()).expect(200).json().getJsonObject("cargo"));

        big.getJsonObject("packaged").put("articlesDescription", "x".repeat(8 * 1024 - overhead + 1));
        save(shipper.token(), "too large", big).problemNaming(400, "cargo");
        // Bytes count, not characters: Chinese text takes three bytes a character.
        JsonObject chinese = new JsonObject().put("consignor", new JsonObject().put("name", "貨".repeat(3000)));
        save(shipper.token(), "too large", chinese).problemNaming(400, "cargo");
        assertEquals(List.of("largest"), names(shipper.token()));
    }

    @Test
    void badNamesAreClientErrorsNamingName() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        save(shipper.token(), "n".repeat(61), cargo()).problemNaming(400, "name");
        save(shipper.token(), "   ", cargo()).problemNaming(400, "name");
        save(shipper.token(), "bell\u0007", cargo()).problemNaming(400, "name");
        save(shipper.token(), "two\nlines", cargo()).problemNaming(400, "name");
        api.get(path("n".repeat(61)), shipper.token()).problemNaming(400, "name");
        api.delete(path("tab\there"), shipper.token()).problemNaming(400, "name");
        // Sixty characters is the most, counted as characters, not bytes.
        assertEquals(
                "貨".repeat(60),
                save(shipper.token(), "貨".repeat(60), cargo())
                        .expect(200)
                        .json()
                        .getString("name"));
        // Not validly percent-encoded: refused as the client's mistake, not a server failure.
        int status = RawHttp.getStatus(engine.port(), TEMPLATES + "/%zz", shipper.token());
        assertTrue(status >= 400 && status < 500, "status " + status);
        assertEquals(List.of("貨".repeat(60)), names(shipper.token()));
    }

    @Test
    void anAccountKeepsAtMostOneHundredTemplates() {
        TradeApiClient.Account agent = api.newAccount("AGENT");
        JsonObject cargo = new JsonObject().put("direction", "IMPORT");
        for (int i = 1; i <= 100; i++) {
            save(agent.token(), String.format("route %03d", i), cargo).expect(200);
        }
        JsonObject problem = save(agent.token(), "route 101", cargo).problem(409);
        assertTrue(problem.getString("detail").contains("100 lodgement templates"), problem.getString("detail"));
        api.get(path("route 101"), agent.token()).problem(404);
        // Saving over one of the hundred still works; so does a new one once one is deleted.
        save(agent.token(), "route 050", new JsonObject().put("direction", "EXPORT"))
                .expect(200);
        api.delete(path("route 001"), agent.token()).expect(204);
        save(agent.token(), "route 101", cargo).expect(200);
        save(agent.token(), "route 102", cargo).problem(409);
        List<String> names = names(agent.token());
        assertEquals(100, names.size());
        assertEquals("route 002", names.get(0));
        assertEquals("route 101", names.get(99));
        // The limit is each account's own.
        save(api.newAccount("AGENT").token(), "route 001", cargo).expect(200);
    }

    @Test
    void aRepeatedSaveWithTheSameIdempotencyKeyIsAnsweredTheSame() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject first = save(shipper.token(), "keyed", cargo(), IdempotentWrites.HEADER, "tpl-1")
                .expect(200)
                .json();
        clock.advance(Duration.ofMinutes(10));
        JsonObject again = save(shipper.token(), "keyed", cargo(), IdempotentWrites.HEADER, "tpl-1")
                .expect(200)
                .json();
        assertEquals(first, again, "the same answer, not a second save");
        save(shipper.token(), "keyed", new JsonObject(), IdempotentWrites.HEADER, "tpl-1")
                .problem(422);
        assertEquals(
                cargo(),
                api.get(path("keyed"), shipper.token()).expect(200).json().getJsonObject("cargo"));
        JsonObject resaved = save(shipper.token(), "keyed", cargo(), IdempotentWrites.HEADER, "tpl-2")
                .expect(200)
                .json();
        assertNotEquals(first.getString("savedAt"), resaved.getString("savedAt"));
        api.send("DELETE", path("keyed"), shipper.token(), null, null, IdempotentWrites.HEADER, "tpl-3")
                .expect(204);
        api.send("DELETE", path("keyed"), shipper.token(), null, null, IdempotentWrites.HEADER, "tpl-3")
                .expect(204);
        assertFalse(names(shipper.token()).contains("keyed"));
    }
}
