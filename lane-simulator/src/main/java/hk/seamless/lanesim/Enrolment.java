package hk.seamless.lanesim;

import java.io.IOException;
import java.util.UUID;

/**
 * Gets the simulator an account of the given role, the way a real user does: a trader registers,
 * then is approved by the admin; a staff account (OFFICER, SUPERVISOR) is created by the admin,
 * since staff never come through the public registration. A fresh e-mail each run keeps runs
 * against the same engine apart.
 */
final class Enrolment {

    private Enrolment() {
    }

    /** An approved account: its id (for the admin's calls about it) and its bearer token. */
    record Account(String id, String token) {
    }

    /** @return the approved account's bearer token */
    static String enrol(EngineClient engine, String adminToken, String role, String purpose) throws IOException, InterruptedException {
        return enrolAccount(engine, adminToken, role, purpose).token();
    }

    static Account enrolAccount(EngineClient engine, String adminToken, String role, String purpose) throws IOException, InterruptedException {
        String runId = UUID.randomUUID().toString().substring(0, 12);
        if (role.equals("OFFICER") || role.equals("SUPERVISOR")) {
            return createStaff(engine, adminToken, role, purpose, runId);
        }
        String registration = "{" + JsonText.field("role", role)
                + "," + JsonText.field("name", "Lane Simulator " + purpose + " " + runId)
                + "," + JsonText.field("email", "lane-sim-" + role.toLowerCase(java.util.Locale.ROOT) + "-" + runId + "@load-test.invalid")
                + "}";
        EngineClient.Answer registered = engine.postJson("/api/v1/registrations", null, registration);
        if (registered.status() != 202) {
            throw new IllegalStateException(role + " registration was refused: " + registered.status() + " " + registered.body());
        }
        String registrationId = AnswerFields.text(registered.body(), "registrationId")
                .orElseThrow(() -> new IllegalStateException("no registrationId in " + registered.body()));
        EngineClient.Answer approved = engine.postJson(
                "/api/v1/admin/registrations/" + registrationId + "/approve", adminToken, "{}");
        if (approved.status() != 200) {
            throw new IllegalStateException("approval was refused (is --admin-token right?): "
                    + approved.status() + " " + approved.body());
        }
        return new Account(AnswerFields.text(approved.body(), "accountId")
                .orElseThrow(() -> new IllegalStateException("no accountId in the approval answer")),
                AnswerFields.text(approved.body(), "token")
                        .orElseThrow(() -> new IllegalStateException("no token in the approval answer")));
    }

    /** Staff sign in with a password, which the simulator never uses: a random one nobody keeps. */
    private static Account createStaff(EngineClient engine, String adminToken, String role, String purpose, String runId)
            throws IOException, InterruptedException {
        String account = "{" + JsonText.field("role", role)
                + "," + JsonText.field("name", "Lane Simulator " + purpose + " " + runId)
                + "," + JsonText.field("email", "lane-sim-" + role.toLowerCase(java.util.Locale.ROOT) + "-" + runId + "@load-test.invalid")
                + "," + JsonText.field("password", UUID.randomUUID() + "-" + UUID.randomUUID())
                + "}";
        EngineClient.Answer created = engine.postJson("/api/v1/admin/accounts", adminToken, account);
        if (created.status() != 201) {
            throw new IllegalStateException(role + " account was refused (is --admin-token right?): "
                    + created.status() + " " + created.body());
        }
        return new Account(AnswerFields.text(created.body(), "accountId")
                .orElseThrow(() -> new IllegalStateException("no accountId in the staff account answer")),
                AnswerFields.text(created.body(), "token")
                        .orElseThrow(() -> new IllegalStateException("no token in the staff account answer")));
    }
}
