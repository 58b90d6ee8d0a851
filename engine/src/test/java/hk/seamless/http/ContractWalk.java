package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One walk through every documented operation, in the order a newcomer meets them: registration,
 * lodging, bundling, the lane, the console, the admin's desk. Requests are the contract's examples;
 * each answer is handed to the test to be checked against the contract.
 */
final class ContractWalk {

    private final ContractExamplesTest test;
    private final TradeApiClient api;
    private final LaneTestClient lanes;
    private final int port;
    private String admin;

    ContractWalk(ContractExamplesTest test, TradeApiClient api, LaneTestClient lanes, int port) {
        this.test = test;
        this.api = api;
        this.lanes = lanes;
        this.port = port;
        this.admin = api.adminToken();
    }

    private ApiResponse get(String operation, String path, String token) {
        return test.record(operation, api.get(path, token));
    }

    private ApiResponse send(String operation, String path, String token, JsonObject body) {
        if (body != null) {
            test.sending(operation, body);
        }
        return sendUnchecked(operation, path, token, body);
    }

    /** A request the walk makes wrong on purpose, to see the refusal. */
    private ApiResponse sendUnchecked(String operation, String path, String token, JsonObject body) {
        String method = operation.substring(0, operation.indexOf(' '));
        return test.record(
                operation,
                api.send(
                        method,
                        path,
                        token,
                        body == null ? null : "application/json",
                        body == null ? null : TradeApiClient.bytes(body.encode())));
    }

    private JsonObject example(String operation, String name) {
        return test.example(operation, name);
    }

    void run() {
        system();
        String shipper = accounts();
        String[] consignment = consignments(shipper);
        templates(shipper);
        String trucker = api.newAccount("TRUCKER").token();
        bundles(trucker, consignment[0], shipper);
        ivrs(trucker);
        String officer = staff();
        String supervisor = api.newAccount("SUPERVISOR").token();
        risk(supervisor, officer);
        String arrival = lane();
        console(officer, arrival);
        gateFault(officer);
        refusals(shipper);
        audit(supervisor);
        adminDesk();
    }

    private void system() {
        get("GET /health", "/health", null).expect(200);
        get("GET /metrics", "/metrics", null).expect(200);
        get("GET /openapi.yaml", "/openapi.yaml", null).expect(200);
        // Served by an engine in role registry only (RolesOverKafkaTest fetches it there).
        get("GET /api/v1/feed/snapshot", "/api/v1/feed/snapshot", null).problem(404);
    }

    /** Registration, the admin's queue, approval and rejection, a portal session. Returns the shipper's token. */
    private String accounts() {
        String register = "POST /api/v1/registrations";
        JsonObject shipperRegistration = example(register, "shipper");
        String shipperId = send(register, "/api/v1/registrations", null, shipperRegistration)
                .expect(202)
                .json()
                .getString("registrationId");
        String truckerId = send(register, "/api/v1/registrations", null, example(register, "trucker"))
                .expect(202)
                .json()
                .getString("registrationId");
        get("GET /api/v1/admin/registrations", "/api/v1/admin/registrations?status=PENDING", admin)
                .expect(200);
        String shipper = send(
                        "POST /api/v1/admin/registrations/{id}/approve",
                        "/api/v1/admin/registrations/" + shipperId + "/approve",
                        admin,
                        null)
                .expect(200)
                .json()
                .getString("token");
        send(
                        "POST /api/v1/admin/registrations/{id}/reject",
                        "/api/v1/admin/registrations/" + truckerId + "/reject",
                        admin,
                        null)
                .expect(200);

        JsonObject signIn = example("POST /api/v1/sessions", "signIn");
        assertEquals(
                shipperRegistration.getString("email"),
                signIn.getString("email"),
                "the sign-in example signs in the registered shipper");
        ApiResponse session =
                send("POST /api/v1/sessions", "/api/v1/sessions", null, signIn).expect(200);
        String cookie = session.header("Set-Cookie").split(";", 2)[0];
        get("GET /api/v1/accounts/me", "/api/v1/accounts/me", shipper).expect(200);
        get("GET /api/v1/settings", "/api/v1/settings", shipper).expect(200);
        // The portal signs out with its cookie, from its own page (same origin).
        test.record(
                        "DELETE /api/v1/sessions/current",
                        api.send(
                                "DELETE",
                                "/api/v1/sessions/current",
                                null,
                                null,
                                null,
                                "Cookie",
                                cookie,
                                "Origin",
                                "http://127.0.0.1:" + port))
                .expect(204);
        return shipper;
    }

    /** Lodging, reading, amending, versions, cancelling, a batch file. Returns the lodged CCRN (LODGED). */
    private String[] consignments(String shipper) {
        String lodge = "POST /api/v1/consignments";
        String ccrn = send(lodge, "/api/v1/consignments", shipper, example(lodge, "packaged"))
                .expect(201)
                .json()
                .getString("ccrn");
        String bulk = send(lodge, "/api/v1/consignments", shipper, example(lodge, "bulk"))
                .expect(201)
                .json()
                .getString("ccrn");
        get("GET /api/v1/consignments", "/api/v1/consignments?status=LODGED", shipper)
                .expect(200);
        get("GET /api/v1/consignments/{ccrn}", "/api/v1/consignments/" + ccrn, shipper)
                .expect(200);
        send(
                        "PUT /api/v1/consignments/{ccrn}",
                        "/api/v1/consignments/" + ccrn,
                        shipper,
                        example("PUT /api/v1/consignments/{ccrn}", "amend"))
                .expect(200);
        get("GET /api/v1/consignments/{ccrn}/versions", "/api/v1/consignments/" + ccrn + "/versions", shipper)
                .expect(200);
        send("DELETE /api/v1/consignments/{ccrn}", "/api/v1/consignments/" + bulk, shipper, null)
                .expect(200);
        test.record(
                        "POST /api/v1/consignments/batch",
                        api.send(
                                "POST",
                                "/api/v1/consignments/batch",
                                shipper,
                                "text/csv",
                                TradeApiClient.bytes(batchTemplate())))
                .expect(200);
        return new String[] {ccrn};
    }

    /** The shipped CSV template, its dates moved to the engine's (test clock's) window. */
    private static String batchTemplate() {
        try (InputStream in =
                ContractWalk.class.getClassLoader().getResourceAsStream("batch/consignments-template.csv")) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return csv.replaceAll(",20\\d\\d-\\d\\d-\\d\\d,", ",2026-11-19,");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void templates(String shipper) {
        String path = "/api/v1/templates/" + "Shenzhen%20phones";
        send("PUT /api/v1/templates/{name}", path, shipper, example("PUT /api/v1/templates/{name}", "template"))
                .expect(200);
        get("GET /api/v1/templates", "/api/v1/templates", shipper).expect(200);
        get("GET /api/v1/templates/{name}", path, shipper).expect(200);
        send("DELETE /api/v1/templates/{name}", path, shipper, null).expect(204);
    }

    private void bundles(String trucker, String ccrn, String shipper) {
        JsonObject vehicle = example("POST /api/v1/vehicles", "withTag");
        send("POST /api/v1/vehicles", "/api/v1/vehicles", trucker, vehicle).expect(201);
        send("POST /api/v1/vehicles", "/api/v1/vehicles", trucker, new JsonObject().put("registrationMark", "KT 5678"))
                .expect(201);
        get("GET /api/v1/vehicles", "/api/v1/vehicles", trucker).expect(200);
        get("GET /api/v1/vehicles/{mark}", "/api/v1/vehicles/FU1234", trucker).expect(200);

        String bundle = "POST /api/v1/bundles";
        JsonObject laden = example(bundle, "laden").put("ccrns", new JsonArray().add(ccrn));
        String first = send(bundle, "/api/v1/bundles", trucker, laden)
                .expect(201)
                .json()
                .getString("bundleId");
        send("DELETE /api/v1/bundles/{id}", "/api/v1/bundles/" + first, trucker, null)
                .expect(200);
        send(bundle, "/api/v1/bundles", trucker, laden).expect(201);
        String empty = send(bundle, "/api/v1/bundles", trucker, example(bundle, "empty"))
                .expect(201)
                .json()
                .getString("bundleId");
        get("GET /api/v1/bundles", "/api/v1/bundles?status=ACTIVE", trucker).expect(200);
        get("GET /api/v1/bundles/{id}", "/api/v1/bundles/" + empty, trucker).expect(200);
        get("GET /api/v1/bundles/{id}", "/api/v1/bundles/" + empty, admin).expect(200);
        // The trucker sees a summary of a consignment bundled to its vehicle.
        get("GET /api/v1/consignments/{ccrn}", "/api/v1/consignments/" + ccrn, trucker)
                .expect(200);
        assertNotNull(shipper);
    }

    private void ivrs(String trucker) {
        send(
                        "PUT /api/v1/accounts/me/ivrs-pin",
                        "/api/v1/accounts/me/ivrs-pin",
                        trucker,
                        example("PUT /api/v1/accounts/me/ivrs-pin", "pin"))
                .expect(200);
        test.record(
                        "POST /ivrs/v1/calls",
                        api.send(
                                "POST",
                                "/ivrs/v1/calls",
                                null,
                                "application/x-www-form-urlencoded",
                                TradeApiClient.bytes("CallSid=CA5a1f0e&From=%2B85291234567&To=%2B85230001234")))
                .expect(200);
    }

    /** The admin makes an officer; returns the officer's token. */
    private String staff() {
        String create = "POST /api/v1/admin/accounts";
        String officer = send(create, "/api/v1/admin/accounts", admin, example(create, "officer"))
                .expect(201)
                .json()
                .getString("token");
        get("GET /api/v1/admin/accounts", "/api/v1/admin/accounts?role=OFFICER&status=ACTIVE", admin)
                .expect(200);
        return officer;
    }

    private void risk(String supervisor, String officer) {
        String add = "POST /api/v1/risk/watchlist";
        String entry = send(add, "/api/v1/risk/watchlist", supervisor, example(add, "party"))
                .expect(201)
                .json()
                .getString("entryId");
        get("GET /api/v1/risk/watchlist", "/api/v1/risk/watchlist", officer).expect(200);
        get("GET /api/v1/risk/watchlist/{entryId}", "/api/v1/risk/watchlist/" + entry, officer)
                .expect(200);
        send("DELETE /api/v1/risk/watchlist/{entryId}", "/api/v1/risk/watchlist/" + entry, supervisor, null)
                .expect(200);
        send(
                        "PUT /api/v1/risk/random-rates/{controlPoint}",
                        "/api/v1/risk/random-rates/LMC",
                        supervisor,
                        example("PUT /api/v1/risk/random-rates/{controlPoint}", "rate"))
                .expect(200);
        get("GET /api/v1/risk/random-rates", "/api/v1/risk/random-rates", officer)
                .expect(200);
    }

    /** Devices for LMC-S-01, the gate connected, the truck's plate and tag read: returns the arrival. */
    private String lane() {
        String register = "POST /api/v1/admin/devices";
        String camera = send(register, "/api/v1/admin/devices", admin, example(register, "camera"))
                .expect(201)
                .json()
                .getString("token");
        String rfid = lanes.registerDevice("LMC-S-01", "RFID");
        String gateToken = lanes.registerDevice("LMC-S-01", "GATE");
        JsonObject button = send(
                        register,
                        "/api/v1/admin/devices",
                        admin,
                        new JsonObject().put("lane", "LMC-S-02").put("kind", "BUTTON"))
                .expect(201)
                .json();
        get("GET /api/v1/admin/devices", "/api/v1/admin/devices", admin).expect(200);

        try (LaneTestClient.Socket gate = lanes.gate("LMC-S-01", gateToken);
                LaneTestClient.Socket stream = lanes.stream("LMC-S-01", rfid)) {
            test.upgraded("GET /lane/v1/lanes/{lane}/gate");
            test.upgraded("GET /lane/v1/lanes/{lane}/stream");
            String plate = "POST /lane/v1/lanes/{lane}/plate-reads";
            String arrival = send(plate, "/lane/v1/lanes/LMC-S-01/plate-reads", camera, example(plate, "plate"))
                    .expect(202)
                    .json()
                    .getString("arrivalId");
            String tag = "POST /lane/v1/lanes/{lane}/tag-reads";
            send(tag, "/lane/v1/lanes/LMC-S-01/tag-reads", rfid, example(tag, "tag"))
                    .expect(200);
            gate.awaitDecision(arrival);
            String press = "POST /lane/v1/lanes/{lane}/empty-declarations";
            send(
                    press,
                    "/lane/v1/lanes/LMC-S-02/empty-declarations",
                    button.getString("token"),
                    example(press, "press"));
            String deviceId = button.getString("deviceId");
            send(
                            "POST /api/v1/admin/devices/{id}/token",
                            "/api/v1/admin/devices/" + deviceId + "/token",
                            admin,
                            example("POST /api/v1/admin/devices/{id}/token", "rotate"))
                    .expect(200);
            send(
                            "DELETE /api/v1/admin/devices/{id}",
                            "/api/v1/admin/devices/" + deviceId,
                            admin,
                            example("DELETE /api/v1/admin/devices/{id}", "revoke"))
                    .expect(200);
            return arrival;
        }
    }

    private void console(String officer, String arrival) {
        try (LaneTestClient.Socket feed = lanes.console(officer)) {
            test.upgraded("GET /console/v1/feed");
            // The feed is listening once its hello has come: an override before it could be missed.
            feed.await(m -> "hello".equals(m.getString("kind")), Browser.PATIENCE, "the feed's hello");
            get("GET /api/v1/arrivals", "/api/v1/arrivals?lane=LMC-S-01&limit=10", officer)
                    .expect(200);
            get("GET /api/v1/arrivals", "/api/v1/arrivals?awaiting=officer", officer)
                    .expect(200);
            get("GET /api/v1/arrivals/{arrivalId}", "/api/v1/arrivals/" + arrival, officer)
                    .expect(200);
            String override = "POST /api/v1/arrivals/{arrivalId}/override";
            send(override, "/api/v1/arrivals/" + arrival + "/override", officer, example(override, "release"))
                    .expect(200);
            feed.await(m -> "override".equals(m.getString("kind")), Browser.PATIENCE, "the override on the feed");
        }
    }

    /** Refusals, each as documented: no token, bad fields with their codes, a conflict, no such route. */
    private void refusals(String shipper) {
        get("GET /api/v1/accounts/me", "/api/v1/accounts/me", null).problem(401);
        get("GET /api/v1/consignments/{ccrn}", "/api/v1/consignments/2612345678901230", shipper)
                .problemNaming(400, "ccrn");
        // The shape first (this document checks it before the route runs), then the rules of the values.
        JsonObject nameless = example("POST /api/v1/consignments", "packaged");
        nameless.getJsonObject("consignee").remove("name");
        sendUnchecked("POST /api/v1/consignments", "/api/v1/consignments", shipper, nameless)
                .problemNaming(400, "consignee.name");
        JsonObject late = example("POST /api/v1/consignments", "packaged").put("expectedDate", "2026-12-31");
        sendUnchecked("POST /api/v1/consignments", "/api/v1/consignments", shipper, late)
                .problemNaming(400, "expectedDate");
        get("GET /api/v1/admin/accounts", "/api/v1/admin/accounts", shipper).problem(403);
        get("GET /api/v1/risk/watchlist/{entryId}", "/api/v1/risk/watchlist/W-none", admin)
                .problem(403);
    }

    /** Clearing a gate fault: none is latched on a lane whose gate behaved, so 409; an unknown lane 404. */
    private void gateFault(String officer) {
        String op = "POST /api/v1/lanes/{lane}/gate-fault/clear";
        send(op, "/api/v1/lanes/LMC-N-04/gate-fault/clear", officer, example(op, "clear"))
                .problem(409);
        send(op, "/api/v1/lanes/NOWHERE-1/gate-fault/clear", officer, example(op, "clear"))
                .problem(404);
    }

    /** The audit trail, once the engine mounts it (ContractRoutesTest.NOT_YET_MOUNTED). */
    private void audit(String supervisor) {
        if (test.mounted("GET /api/v1/audit")) {
            get("GET /api/v1/audit", "/api/v1/audit?limit=5", supervisor).expect(200);
            get("GET /api/v1/audit", "/api/v1/audit?limit=0&colour=red", supervisor)
                    .problemNaming(400, "limit");
        }
    }

    /** Suspension, token rotation and revocation, and last the admin's own token. */
    private void adminDesk() {
        TradeApiClient.Account agent = api.newAccount("AGENT");
        String base = "/api/v1/admin/accounts/" + agent.id();
        send(
                        "POST /api/v1/admin/accounts/{id}/suspend",
                        base + "/suspend",
                        admin,
                        example("POST /api/v1/admin/accounts/{id}/suspend", "suspend"))
                .expect(200);
        send(
                        "POST /api/v1/admin/accounts/{id}/reinstate",
                        base + "/reinstate",
                        admin,
                        example("POST /api/v1/admin/accounts/{id}/reinstate", "reinstate"))
                .expect(200);
        send(
                        "POST /api/v1/admin/accounts/{id}/tokens",
                        base + "/tokens",
                        admin,
                        example("POST /api/v1/admin/accounts/{id}/tokens", "rotate"))
                .expect(200);
        send(
                        "DELETE /api/v1/admin/accounts/{id}/tokens",
                        base + "/tokens",
                        admin,
                        example("DELETE /api/v1/admin/accounts/{id}/tokens", "revoke"))
                .expect(200);
        admin = send(
                        "POST /api/v1/admin/token/rotate",
                        "/api/v1/admin/token/rotate",
                        admin,
                        example("POST /api/v1/admin/token/rotate", "rotate"))
                .expect(200)
                .json()
                .getString("token");
        get("GET /api/v1/admin/devices", "/api/v1/admin/devices", admin).expect(200);
    }
}
