package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whole phone calls through the TwiML webhook, against a real engine, in English and in Cantonese. */
class IvrsCallTest extends IvrsCallHarness {

    // ---- the PIN ----

    @Test
    void settingThePinChecksItAndKeepsTheNumber() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String path = "/api/v1/accounts/me/ivrs-pin";
        for (Object bad : new Object[] {"12345", "123456789", "111111", "123456", "876543", "12a456", 123456}) {
            api.put(path, trucker.token(), new JsonObject().put("pin", bad)).problemNaming(400, "pin");
        }
        api.put(path, trucker.token(), new JsonObject()).problemNaming(400, "pin");
        api.put(path, trucker.token(), new JsonObject().put("pin", PIN).put("extra", 1))
                .problemNaming(400, "extra");
        api.put(path, api.newAccount("SHIPPER").token(), new JsonObject().put("pin", PIN))
                .problem(403);
        api.put(path, null, new JsonObject().put("pin", PIN)).problem(401);
        String number = api.put(path, trucker.token(), new JsonObject().put("pin", PIN))
                .expect(200)
                .json()
                .getString("ivrsAccountNumber");
        assertEquals(
                number,
                api.put(path, trucker.token(), new JsonObject().put("pin", "20481730"))
                        .expect(200)
                        .json()
                        .getString("ivrsAccountNumber"));
        assertFalse(api.put(path, trucker.token(), new JsonObject().put("pin", "20481730"))
                .body()
                .contains("20481730"));
    }

    // ---- whole calls ----

    @Test
    void englishCallBundlesTwoCcrnsAndALaterCallUnbundlesThem() {
        Setup s = setUp();
        String a = lodge(s, "IMPORT");
        String b = lodge(s, "IMPORT");
        Call call = toMenu(s, "1", "1");
        assertSaid(call.last, s.spelledMark() + ", import. To bundle consignments, press 1.");
        TwimlAnswer first = call.key("1");
        assertAllIn(first, "en-GB");
        assertEquals("17", first.gather().getAttribute("numDigits"));
        assertSaid(call.key(a), "Accepted: " + spelled(a) + ".");
        assertSaid(
                call.key(TradeApiClient.wrongCheckDigit(b)),
                "The check digit is wrong: that number was mistyped. Please key it again.");
        assertSaid(call.key(b), "Accepted: " + spelled(b) + ".");
        assertSaid(call.key("*"), "Bundle 2 consignments to " + s.spelledMark() + " for import? To confirm, press 1.");
        TwimlAnswer done = call.key("1");
        assertTrue(done.hangup(), done.xml());
        assertEquals(
                "Done. 2 consignments are bundled to " + s.spelledMark() + " for import. The earliest crossing time is "
                        + "10:30 am on Tuesday 17 November, Hong Kong time. Goodbye.",
                done.text());

        // The bundle is one the API would have made: compare with one made through it, at the same instant.
        String id = bundleIdOf(s, a);
        assertNotNull(id);
        assertEquals(id, bundleIdOf(s, b));
        JsonObject byPhone = api.get("/api/v1/bundles/" + id, s.trucker().token())
                .expect(200)
                .json();
        String otherMark = api.newVehicle(s.trucker().token());
        JsonObject byApi = api.bundle(s.trucker().token(), otherMark, "IMPORT", lodge(s, "IMPORT"), lodge(s, "IMPORT"));
        assertEquals(new JsonArray(List.of(a, b)), byPhone.getJsonArray("ccrns"));
        assertEquals(s.mark(), byPhone.getString("vehicleMark"));
        assertEquals(byApi.fieldNames(), byPhone.fieldNames());
        for (String field : List.of("status", "direction", "empty", "bundledAt", "earliestCrossingAt")) {
            assertEquals(byApi.getValue(field), byPhone.getValue(field), field);
        }
        assertEquals("BUNDLED", api.consignment(s.shipper().token(), a).getString("status"));

        // A later call unbundles it.
        clock.advance(Duration.ofMinutes(5));
        Call later = toMenu(s, "1", "1");
        assertSaid(
                later.key("2"),
                s.spelledMark() + " has an active bundle for import with 2 consignments. To unbundle it, press 1.");
        TwimlAnswer unbundled = later.key("1");
        assertTrue(unbundled.hangup());
        assertEquals(
                "Done. The bundle is cancelled, and its 2 consignments are lodged again. Goodbye.", unbundled.text());
        JsonObject ended = api.get("/api/v1/bundles/" + id, s.trucker().token())
                .expect(200)
                .json();
        assertEquals("UNBUNDLED", ended.getString("status"));
        assertEquals("LODGED", api.consignment(s.shipper().token(), a).getString("status"));
        assertEquals("LODGED", api.consignment(s.shipper().token(), b).getString("status"));
        // And the vehicle may be bundled again through the API.
        api.bundle(s.trucker().token(), s.mark(), "IMPORT", a, b);
    }

    @Test
    void cantoneseCallBundlesAndUnbundlesForExport() {
        Setup s = setUp();
        String a = lodge(s, "EXPORT");
        String b = lodge(s, "EXPORT");
        Call call = toMenu(s, "2", "2");
        assertAllIn(call.last, "zh-HK");
        assertSaid(call.last, s.spelledMark() + "，出口。綑綁貨物，請按1。");
        assertSaid(call.key("1"), "請輸入16位數字嘅海關貨物參考編號");
        assertSaid(call.key(a + "#"), "已經接受：" + spelled(a) + "。");
        TwimlAnswer wrong = call.key(TradeApiClient.wrongCheckDigit(b) + "#");
        assertSaid(wrong, "檢查號碼唔啱");
        assertAllIn(wrong, "zh-HK");
        assertSaid(call.key(b + "#"), "已經接受：" + spelled(b) + "。");
        assertSaid(call.key("*"), "將2批貨物綑綁到" + s.spelledMark() + "，出口。確認，請按1。");
        TwimlAnswer done = call.key("1");
        assertTrue(done.hangup());
        assertAllIn(done, "zh-HK");
        assertEquals("完成。2批貨物已經綑綁到" + s.spelledMark() + "，出口。最早過境時間係香港時間11月17日（星期二）上午10時30分。再見。", done.text());
        String id = bundleIdOf(s, a);
        JsonObject bundle = api.get("/api/v1/bundles/" + id, s.trucker().token())
                .expect(200)
                .json();
        assertEquals("ACTIVE", bundle.getString("status"));
        assertEquals("EXPORT", bundle.getString("direction"));
        assertEquals(new JsonArray(List.of(a, b)), bundle.getJsonArray("ccrns"));

        Call later = toMenu(s, "2", "2");
        assertSaid(later.key("2"), s.spelledMark() + "有一個出口嘅有效綑綁，有2批貨物。取消綑綁，請按1。");
        TwimlAnswer unbundled = later.key("1");
        assertTrue(unbundled.hangup());
        assertEquals("完成。綑綁已經取消，2批貨物已經恢復為已遞交。再見。", unbundled.text());
        assertEquals(
                "UNBUNDLED",
                api.get("/api/v1/bundles/" + id, s.trucker().token())
                        .expect(200)
                        .json()
                        .getString("status"));
        assertEquals("LODGED", api.consignment(s.shipper().token(), a).getString("status"));
    }

    // ---- an account suspended during a call ----

    @Test
    void theRulesRefusalsAreSpoken() {
        Setup s = setUp();
        String export = lodge(s, "EXPORT");
        String unknown = TradeApiClient.unknownCcrn();
        Call call = toMenu(s, "1", "1");
        call.key("1");
        call.key(export);
        call.key(unknown);
        call.key("*");
        TwimlAnswer refused = call.key("1");
        assertNotNull(refused.gather());
        assertSaid(refused, "Consignment " + spelled(export) + " is lodged for export, not import.");
        assertSaid(refused, "No consignment has C C R N " + spelled(unknown) + ".");
        assertSaid(refused, "Nothing was bundled. " + s.spelledMark() + ", import. To bundle");
        assertNull(bundleIdOf(s, export));

        // One active bundle per vehicle and direction: the second is refused with the reason.
        String a = lodge(s, "IMPORT");
        String b = lodge(s, "IMPORT");
        api.bundle(s.trucker().token(), s.mark(), "IMPORT", a);
        call.key("1");
        call.key(b + "*");
        assertSaid(call.key("1"), s.spelledMark() + " already has an active bundle for import. Unbundle it first.");
    }

    @Test
    void fiveWrongPinsLockPhoneAccessForFifteenMinutes() {
        Setup s = setUp();
        Call first = new Call();
        first.start();
        first.key("1");
        for (String wrong : List.of("111222", "111333")) {
            first.key(s.number());
            assertSaid(first.key(wrong), "The account number or the PIN is not correct.");
        }
        first.key(s.number());
        TwimlAnswer ended = first.key("111444");
        assertTrue(ended.hangup());
        assertSaid(ended, "Too many wrong attempts in this call. Goodbye.");

        Call second = new Call();
        second.start();
        second.key("2");
        second.key(s.number());
        assertSaid(second.key("111555"), "戶口號碼或者密碼唔正確。");
        second.key(s.number());
        TwimlAnswer locked = second.key("111666");
        assertTrue(locked.hangup());
        assertSaid(locked, "電話服務已經暫停。請喺香港時間11月17日（星期二）上午10時15分之後再打嚟。");

        // Even the right PIN is refused while locked.
        Call third = new Call();
        third.start();
        third.key("1");
        third.key(s.number());
        TwimlAnswer stillLocked = third.key(PIN);
        assertTrue(stillLocked.hangup());
        assertSaid(
                stillLocked,
                "phone access is locked. Please call again after 10:15 am on Tuesday 17 November, Hong Kong time.");

        clock.advance(Duration.ofMinutes(15));
        Call fourth = new Call();
        fourth.start();
        fourth.key("1");
        fourth.key(s.number());
        TwimlAnswer vehicles = fourth.key(PIN);
        assertNotNull(vehicles.gather(), vehicles.xml());
        assertSaid(vehicles, "For " + s.spelledMark() + ", press 1.");
    }

    @Test
    void aPinKeyedAgainAtTheAccountPromptIsNeverWritten() throws Exception {
        // Told "the account number or the PIN is not correct", a caller may key the PIN at the next prompt,
        // which asks for the 8-digit account number; an 8-digit PIN fits it.
        Setup s = setUp();
        String pin = "73920418";
        api.put("/api/v1/accounts/me/ivrs-pin", s.trucker().token(), new JsonObject().put("pin", pin))
                .expect(200);
        Call call = new Call();
        call.start();
        call.key("1");
        call.key(s.number());
        assertSaid(call.key("7392041"), "The account number or the PIN is not correct.");
        call.key(pin);
        assertSaid(call.key(pin), "The account number or the PIN is not correct.");

        String trail = api.get("/api/v1/audit?limit=500", engine.adminToken())
                .expect(200)
                .body();
        assertTrue(trail.contains("IVRS_STEP"), trail);
        assertTrue(trail.contains("wrong for account " + s.trucker().id()), trail);
        assertFalse(trail.contains(pin), "the PIN is in the audit trail");
        try (var files = java.nio.file.Files.walk(dataDir)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String bytes = new String(
                        java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(pin), "the PIN is written in " + file);
            }
        }
    }

    @Test
    void aRequestFromAnotherNumberNeitherGoesOnInASignedInCallNorEndsIt() {
        Setup s = setUp();
        lodge(s, "IMPORT");
        Call call = toMenu(s, "1", "1");
        String before = call.last.xml();
        Map<String, String> forged = fields(call.sid, "2");
        forged.put("From", "+85290000000");
        TwimlAnswer refused = post(forged, call.last.step());
        assertTrue(refused.hangup(), refused.xml());
        assertSaid(refused, "technical problem");
        // The caller's own call is where it was: its menu answers the caller's next key.
        assertEquals(before, call.last.xml());
        TwimlAnswer next = call.key("1");
        assertNotNull(next.gather(), next.xml());
        String trail = api.get("/api/v1/audit?limit=50", engine.adminToken())
                .expect(200)
                .body();
        assertTrue(trail.contains("REFUSED a request from +85290000000"), trail);
    }

    @Test
    void anUnknownNumberIsLockedAtTheSameAttemptAsAnAccount() {
        // Otherwise the lock tells a caller which 8-digit numbers are accounts.
        String unknown = "10000007";
        Call first = new Call();
        first.start();
        first.key("1");
        for (String wrong : List.of("111222", "111333")) {
            first.key(unknown);
            assertSaid(first.key(wrong), "The account number or the PIN is not correct.");
        }
        first.key(unknown);
        assertSaid(first.key("111444"), "Too many wrong attempts in this call. Goodbye.");
        Call second = new Call();
        second.start();
        second.key("1");
        second.key(unknown);
        assertSaid(second.key("111555"), "The account number or the PIN is not correct.");
        second.key(unknown);
        TwimlAnswer locked = second.key("111666");
        assertTrue(locked.hangup());
        assertSaid(
                locked,
                "phone access is locked. Please call again after 10:15 am on Tuesday 17 November, Hong Kong time.");
    }

    @Test
    void anUnknownAccountNumberIsJustAWrongPin() {
        Call call = new Call();
        call.start();
        call.key("1");
        call.key("10000000");
        assertSaid(call.key(PIN), "The account number or the PIN is not correct.");
    }

    @Test
    void aTimeoutRepeatsThePromptTwiceThenEndsTheCall() {
        Setup s = setUp();
        Call call = toMenu(s, "1", "1");
        String menu = call.last.text();
        TwimlAnswer once = call.key(null);
        assertEquals("Sorry, we did not hear anything. " + menu, once.text());
        TwimlAnswer twice = call.key("");
        assertEquals("Sorry, we did not hear anything. " + menu, twice.text());
        TwimlAnswer end = call.key(null);
        assertTrue(end.hangup());
        assertEquals(
                "We have not heard from you, so we will end this call. Thank you for calling. Goodbye.", end.text());
    }

    @Test
    void aReplayedConfirmationDoesNotBundleTwice() {
        Setup s = setUp();
        String a = lodge(s, "IMPORT");
        Call call = toMenu(s, "1", "1");
        call.key("1");
        call.key(a);
        TwimlAnswer confirm = call.key("*");
        Integer step = confirm.step();
        TwimlAnswer first = post(fields(call.sid, "1"), step);
        TwimlAnswer replay = post(fields(call.sid, "1"), step);
        assertEquals(first.xml(), replay.xml());
        assertTrue(first.hangup());
        String id = bundleIdOf(s, a);
        // Without the step as well: the call is over, nothing more is done.
        TwimlAnswer again = post(fields(call.sid, "1"), null);
        assertTrue(again.hangup());
        JsonObject bundle = api.get("/api/v1/bundles/" + id, s.trucker().token())
                .expect(200)
                .json();
        assertEquals("ACTIVE", bundle.getString("status"));
        assertEquals(id, bundleIdOf(s, a));
    }

    @Test
    void badWebhookInputGetsASafeAnswerNeverA5xx() {
        TwimlAnswer noSid = post(Map.of("From", "+85291234567", "Digits", "1"), null);
        assertTrue(noSid.hangup());
        assertSaid(noSid, "Sorry, we cannot take your call now");
        assertTrue(noSid.languages().contains("zh-HK"));
        assertTrue(raw(WEBHOOK, "application/x-www-form-urlencoded", "CallSid=%zz&Digits=1")
                .hangup());
        assertTrue(raw(WEBHOOK, "application/json", "{\"CallSid\": \"CA1\"}").hangup());
        assertTrue(raw(WEBHOOK, null, "").hangup());
        assertTrue(raw(WEBHOOK, "application/x-www-form-urlencoded", "CallSid=" + "A".repeat(500))
                .hangup());
        assertTrue(raw(WEBHOOK + "?step=abc", "application/x-www-form-urlencoded", "CallSid=&Digits=")
                .hangup());

        // An unknown CallSid with Digits is a new call from the start.
        TwimlAnswer fresh = post(fields("CA-never-seen-" + UUID.randomUUID(), "12345678"), 41);
        assertNotNull(fresh.gather());
        assertSaid(fresh, "Welcome to Seamless");

        Call call = new Call();
        call.start();
        TwimlAnswer letters = call.key("1<Say>hello</Say>&amp;");
        assertNotNull(letters.gather());
        assertSaid(letters, "Please use the telephone keypad.");
        assertFalse(letters.xml().contains("<Say>hello"));
        assertSaid(call.key("9".repeat(5000)), "Please use the telephone keypad.");
        call.key("1");
        assertSaid(call.key("1234"), "A phone account number has 8 digits.");
        // A status callback ends the call; what follows is a new call.
        ApiResponse completed = api.postRaw(
                        WEBHOOK,
                        null,
                        "application/x-www-form-urlencoded",
                        "CallSid=" + call.sid + "&CallStatus=completed")
                .expect(200);
        assertTrue(completed.body().contains("<Response><Hangup/></Response>"), completed.body());
        assertSaid(post(fields(call.sid, "1"), null), "Welcome to Seamless");
        // Other methods on the webhook are client errors, not server ones.
        assertNotEquals(200, api.get(WEBHOOK, null).status());
    }
}
