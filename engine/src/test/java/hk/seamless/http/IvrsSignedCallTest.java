package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.ConfigException;
import hk.seamless.config.EngineConfig;
import hk.seamless.engine.Engine;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IVRS webhook with signing on, over real HTTP: signed calls work as before, forged ones get a
 * 403 and change nothing. The voice platform is played here by a signer written independently of
 * the engine's (the JDK's HMAC over a hand-built string).
 */
class IvrsSignedCallTest extends EngineHarness {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    /** Where the platform thinks the engine is: behind a proxy, under a prefix it strips. */
    private static final String PUBLIC_URL = "https://ivrs.example.hk/seamless";

    private static final String PIN = "204817";
    private static final String WEBHOOK = "/ivrs/v1/calls";

    @BeforeAll
    @Override
    void startEngine(@TempDir Path dataDir) {
        engine = Engine.start(
                EngineConfig.defaults()
                        .withHttpPort(0)
                        .withDataDir(dataDir)
                        .withDailyConsignments(100)
                        .withIvrsSigning(SECRET, PUBLIC_URL + "/"),
                clock);
        api = new TradeApiClient(engine.port(), engine.adminToken());
    }

    // ---- the platform ----

    /** X-Twilio-Signature as the platform computes it: the URL it requested, then the fields sorted, name then value. */
    private static String platformSignature(String secret, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static String path(Integer step) {
        return step == null ? WEBHOOK : WEBHOOK + "?step=" + step;
    }

    /** Posts a callback with the given signature header (null: none). */
    private ApiResponse send(Integer step, Map<String, String> form, String signatureHeader) {
        return signatureHeader == null
                ? api.postRaw(path(step), null, "application/x-www-form-urlencoded", encode(form))
                : api.postRaw(
                        path(step),
                        null,
                        "application/x-www-form-urlencoded",
                        encode(form),
                        "X-Twilio-Signature",
                        signatureHeader);
    }

    private ApiResponse signed(Integer step, Map<String, String> form) {
        return send(step, form, platformSignature(SECRET, PUBLIC_URL + path(step), form));
    }

    private static Map<String, String> fields(String sid, String digits) {
        // Not in name order, so the engine has to sort as the platform does.
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", sid);
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("To", "+85230001234");
        form.put("From", "+85291234567");
        form.put("CallStatus", "in-progress");
        form.put("Direction", "inbound");
        if (digits != null) {
            form.put("Digits", digits);
            form.put("FinishedOnKey", "#");
        }
        return form;
    }

    private static void assertRefused(ApiResponse response) {
        assertEquals(403, response.status(), response.describe());
        assertTrue(response.contentType().startsWith("text/plain"), response.describe());
        assertFalse(response.body().contains("<Response"), response.body());
    }

    private static void assertSaid(TwimlAnswer answer, String expected) {
        assertTrue(answer.text().contains(expected), "expected \"" + expected + "\" in: " + answer.text());
    }

    /** One phone call the platform signs at every step. */
    private final class Call {
        final String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Integer step;
        TwimlAnswer last;

        TwimlAnswer key(String digits) {
            ApiResponse response = signed(step, fields(sid, digits)).expect(200);
            assertTrue(response.contentType().startsWith("text/xml"), response.describe());
            last = TwimlAnswer.parse(response.body());
            step = last.step();
            return last;
        }
    }

    /** A trucker with a vehicle and a PIN; returns its IVRS account number and vehicle mark. */
    private String[] trucker(TradeApiClient.Account trucker) {
        String mark = api.newVehicle(trucker.token());
        String number = api.put("/api/v1/accounts/me/ivrs-pin", trucker.token(), new JsonObject().put("pin", PIN))
                .expect(200)
                .json()
                .getString("ivrsAccountNumber");
        return new String[] {number, mark};
    }

    // ---- tests ----

    @Test
    void aSignedCallBundlesAsBefore() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String[] t = trucker(trucker);
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String a = api.lodgeCcrn(shipper.token(), "IMPORT", today());
        String b = api.lodgeCcrn(shipper.token(), "IMPORT", today());
        String mark = String.join(" ", t[1].split(""));

        Call call = new Call();
        assertSaid(call.key(null), "Welcome to Seamless");
        call.key("1");
        call.key(t[0]);
        assertSaid(call.key(PIN), "For " + mark + ", press 1.");
        call.key("1");
        assertSaid(call.key("1"), mark + ", import. To bundle consignments, press 1.");
        call.key("1");
        call.key(a);
        call.key(b);
        assertSaid(call.key("*"), "Bundle 2 consignments to " + mark + " for import? To confirm, press 1.");
        TwimlAnswer done = call.key("1");
        assertTrue(done.hangup(), done.xml());
        assertSaid(done, "Done. 2 consignments are bundled to " + mark + " for import.");
        String bundleId = api.consignment(shipper.token(), a).getString("bundleId");
        assertNotNull(bundleId);
        assertEquals(bundleId, api.consignment(shipper.token(), b).getString("bundleId"));
        assertEquals(
                "ACTIVE",
                api.get("/api/v1/bundles/" + bundleId, trucker.token())
                        .expect(200)
                        .json()
                        .getString("status"));
    }

    @Test
    void forgedCallsAreRefusedAndCountNoWrongPin() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String number = trucker(trucker)[0];

        // Whole forged calls keying wrong PINs, more than the five that lock the line: unsigned, signed with
        // another secret, signed for the engine's own address, or carrying a real signature for another body.
        for (int i = 0; i < 7; i++) {
            String sid = "CA-forged-" + i;
            for (String digits : new String[] {null, "1", number, "11122" + i}) {
                Map<String, String> form = fields(sid, digits);
                assertRefused(send(null, form, null));
                assertRefused(send(
                        null, form, platformSignature("ffffffffffffffffffffffffffffffff", PUBLIC_URL + WEBHOOK, form)));
                assertRefused(send(
                        null, form, platformSignature(SECRET, "http://127.0.0.1:" + engine.port() + WEBHOOK, form)));
                assertRefused(send(null, form, platformSignature(SECRET, PUBLIC_URL + WEBHOOK, fields(sid, "0"))));
            }
        }

        // A genuine caller then keys four wrong PINs: with even one forged attempt counted, that would be the
        // fifth and the line would lock. It does not: the right PIN signs in.
        Call first = new Call();
        first.key(null);
        first.key("1");
        for (String wrong : List.of("111222", "111333", "111444")) {
            first.key(number);
            first.key(wrong);
        }
        assertSaid(first.last, "Too many wrong attempts in this call. Goodbye.");
        Call second = new Call();
        second.key(null);
        second.key("1");
        second.key(number);
        assertSaid(second.key("111555"), "The account number or the PIN is not correct.");
        second.key(number);
        TwimlAnswer vehicles = second.key(PIN);
        assertNotNull(vehicles.gather(), vehicles.xml());
        assertSaid(vehicles, "press 1.");
    }

    @Test
    void aForgedStepInAGenuineCallChangesNothing() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String number = trucker(trucker)[0];
        Call call = new Call();
        call.key(null);
        call.key("1");
        TwimlAnswer pinPrompt = call.key(number);
        Integer step = call.step;
        // Someone else keys into the same call, at the same step, without the signature.
        for (String digits : List.of("999999", "888888", "777777")) {
            assertRefused(send(step, fields(call.sid, digits), null));
            Map<String, String> form = fields(call.sid, digits);
            assertRefused(send(step, form, platformSignature(SECRET, PUBLIC_URL + path(step + 1), form)));
        }
        // The call is where it was: the PIN prompt, and the right PIN goes through.
        assertNotNull(pinPrompt.gather());
        TwimlAnswer vehicles = call.key(PIN);
        assertSaid(vehicles, "press 1.");
    }

    @Test
    void unreadableBodiesAreRefusedUnlessSigned() {
        assertRefused(api.postRaw(WEBHOOK, null, "application/x-www-form-urlencoded", "CallSid=%zz&Digits=1"));
        assertRefused(api.postRaw(WEBHOOK, null, "application/json", "{\"CallSid\": \"CA1\"}"));
        assertRefused(api.postRaw(WEBHOOK, null, null, ""));
        assertRefused(
                api.postRaw(WEBHOOK, null, "application/x-www-form-urlencoded", "CallSid=CA1%0D%0Aforged-log-line"));
        // Signed but without a CallSid: the platform's own mistake, answered with TwiML as before.
        ApiResponse noSid = signed(null, Map.of("From", "+85291234567")).expect(200);
        TwimlAnswer answer = TwimlAnswer.parse(noSid.body());
        assertTrue(answer.hangup());
        assertSaid(answer, "Sorry, we cannot take your call now");
    }

    @Test
    void theStartRefusesASecretWithoutAPublicUrl() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> EngineConfig.defaults().withIvrsSigning(SECRET, null));
        assertTrue(
                e.getMessage().contains("SEAMLESS_IVRS_SIGNING_SECRET")
                        && e.getMessage().contains("SEAMLESS_IVRS_PUBLIC_URL"),
                e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertNull(EngineConfig.defaults().ivrs().signingSecret());
    }
}
