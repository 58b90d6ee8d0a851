package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

/**
 * Gets the simulator an account of the given role, the way a real user does: a trader registers,
 * then is approved by the admin; a staff account (OFFICER, SUPERVISOR) is created by the admin,
 * since staff never come through the public registration. A fresh e-mail each run keeps runs
 * against the same engine apart.
 */
final class Enrolment {

    private Enrolment() {}

    /** An approved account: its id (for the admin's calls about it) and its bearer token. */
    record Account(String id, String token) {}

    /** @return the approved account's bearer token */
    static String enrol(EngineClient engine, String adminToken, String role, String purpose)
            throws IOException, InterruptedException {
        return enrolAccount(engine, adminToken, role, purpose).token();
    }

    static Account enrolAccount(EngineClient engine, String adminToken, String role, String purpose)
            throws IOException, InterruptedException {
        String runId = UUID.randomUUID().toString().substring(0, 12);
        if (role.equals("OFFICER") || role.equals("SUPERVISOR")) {
            return createStaff(engine, adminToken, role, purpose, runId);
        }
        JsonObject registration = new JsonObject()
                .put("role", role)
                .put("name", "Lane Simulator " + purpose + " " + runId)
                .put("email", email(role, runId));
        EngineClient.Answer registered = engine.postJson("/api/v1/registrations", null, registration);
        if (registered.status() != 202) {
            throw new IllegalStateException(
                    role + " registration was refused: " + registered.status() + " " + registered.body());
        }
        String registrationId = registered.text("registrationId");
        // The approval takes no body (the contract documents none).
        EngineClient.Answer approved =
                engine.postEmpty("/api/v1/admin/registrations/" + registrationId + "/approve", adminToken);
        if (approved.status() != 200) {
            throw new IllegalStateException(
                    "approval was refused (is --admin-token right?): " + approved.status() + " " + approved.body());
        }
        return new Account(approved.text("accountId"), approved.text("token"));
    }

    /** Staff sign in with a password, which the simulator never uses: a random one nobody keeps. */
    private static Account createStaff(
            EngineClient engine, String adminToken, String role, String purpose, String runId)
            throws IOException, InterruptedException {
        JsonObject account = new JsonObject()
                .put("role", role)
                .put("name", "Lane Simulator " + purpose + " " + runId)
                .put("email", email(role, runId))
                .put("password", UUID.randomUUID() + "-" + UUID.randomUUID());
        EngineClient.Answer created = engine.postJson("/api/v1/admin/accounts", adminToken, account);
        if (created.status() != 201) {
            throw new IllegalStateException(role + " account was refused (is --admin-token right?): " + created.status()
                    + " " + created.body());
        }
        return new Account(created.text("accountId"), created.text("token"));
    }

    private static String email(String role, String runId) {
        return "lane-sim-" + role.toLowerCase(Locale.ROOT) + "-" + runId + "@load-test.invalid";
    }
}
