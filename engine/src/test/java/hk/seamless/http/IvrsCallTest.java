package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Phone calls through the TwiML webhook against a real engine, as the voice platform may misbehave:
 * another number naming a call, silence, replayed steps and input no keypad sends.
 */
class IvrsCallTest extends IvrsCallHarness {

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

    // ---- silence, stale and odd input ----

    @Test
    void silenceAtTheAccountPromptRepeatsItTwiceThenEndsPolitely() {
        Call call = new Call();
        call.start();
        call.key("1");
        for (String nothing : new String[] {null, ""}) {
            TwimlAnswer again = call.key(nothing);
            assertTrue(
                    again.text().startsWith("Sorry, we did not hear anything. Please key your 8 digit"), again.text());
        }
        TwimlAnswer end = call.key(null);
        assertTrue(end.hangup(), end.xml());
        assertEquals(
                "We have not heard from you, so we will end this call. Thank you for calling. Goodbye.", end.text());
        List<String> journal = trail(call.sid);
        assertTrue(journal.contains("ACCOUNT silence 3, call ended"), journal.toString());
    }

    @Test
    void silenceBeforeTheLanguageIsChosenIsAnsweredInBothLanguages() {
        Call call = new Call();
        call.start();
        call.key(null);
        assertEquals(List.of("en-GB", "zh-HK", "en-GB", "zh-HK"), call.key(null).languages());
        TwimlAnswer end = call.key(null);
        assertTrue(end.hangup(), end.xml());
        assertEquals(List.of("en-GB", "zh-HK"), end.languages());
    }

    @Test
    void aStaleStepWithOtherKeysRepeatsTheCurrentPrompt() {
        Call call = new Call();
        call.start();
        TwimlAnswer account = call.key("1");
        TwimlAnswer stale = post(fields(call.sid, "2"), account.step() - 1);
        assertEquals(account.xml(), stale.xml());
        assertAllIn(stale, "en-GB");
        // Still in English, at the account prompt.
        TwimlAnswer next = call.key("1234");
        assertAllIn(next, "en-GB");
        assertSaid(next, "A phone account number has 8 digits.");
        assertTrue(trail(call.sid).stream().anyMatch(l -> l.contains("stale step")), call.sid);
    }

    @Test
    void nonKeypadInputAndWrongChoicesAreAskedAgainThenEndTheCall() {
        Call call = new Call();
        call.start();
        TwimlAnswer letters = call.key("1; DROP TABLE");
        assertNotNull(letters.gather(), letters.xml());
        assertTrue(letters.text().startsWith("Please use the telephone keypad. 請用電話按鍵輸入。 Welcome"), letters.text());
        TwimlAnswer invalid = call.key("7");
        assertTrue(invalid.text().startsWith("That is not one of the choices."), invalid.text());
        // Five wrong keys in a row at one prompt end the call; four do not.
        call.key("9");
        TwimlAnswer fourth = call.key("9");
        assertNotNull(fourth.gather(), fourth.xml());
        TwimlAnswer fifth = call.key("9");
        assertTrue(fifth.hangup(), fifth.xml());
        assertSaid(fifth, "That is not one of the choices.");
    }

    @Test
    void aCallWithoutAUsableCallSidIsASorryAndAHangUp() {
        TwimlAnswer noSid = post(Map.of("From", "+85291234567", "Digits", "1"), null);
        assertTrue(noSid.hangup(), noSid.xml());
        assertEquals(List.of("en-GB", "zh-HK"), noSid.languages());
        assertTrue(noSid.text().startsWith("Sorry"), noSid.text());
        TwimlAnswer weird = post(fields("<script>", "1"), null);
        assertTrue(weird.hangup(), weird.xml());
        assertTrue(weird.text().startsWith("Sorry"), weird.text());
        assertTrue(trail("<script>").isEmpty());
    }

    @Test
    void anUnknownCallSidWithDigitsStartsAFreshCall() {
        String sid = "CA-unknown-" + UUID.randomUUID();
        TwimlAnswer answer = post(fields(sid, "12345678"), 7);
        assertNotNull(answer.gather(), answer.xml());
        assertTrue(answer.text().startsWith("Welcome"), answer.text());
        List<String> journal = trail(sid);
        assertEquals(1, journal.size(), journal.toString());
        assertTrue(journal.get(0).contains("call from +85291234567"), journal.toString());
    }

    @Test
    void idleCallsAreForgottenAfterThirtyMinutes() {
        Setup s = setUp();
        Call call = new Call();
        call.start();
        call.key("1");
        clock.advance(Duration.ofMinutes(29));
        assertSaid(call.key(s.number()), "PIN");
        clock.advance(Duration.ofMinutes(31));
        // Unheard from for 31 minutes: the PIN starts a new call, and is not checked.
        TwimlAnswer fresh = call.key(PIN);
        assertTrue(fresh.text().startsWith("Welcome"), fresh.text());
        assertNotNull(fresh.gather(), fresh.xml());
        List<String> journal = trail(call.sid);
        assertEquals(2, journal.stream().filter(l -> l.contains("call from")).count(), journal.toString());
        assertTrue(journal.stream().noneMatch(l -> l.startsWith("PIN")), journal.toString());
    }

    @Test
    void replaysInFlightAreAnsweredOnceInOrder() throws Exception {
        Setup s = setUp();
        String a = lodge(s, "IMPORT");
        Call call = toMenu(s, "1", "1");
        call.key("1");
        call.key(a);
        Integer step = call.key("*").step();
        var one = CompletableFuture.supplyAsync(() -> post(fields(call.sid, "1"), step));
        var two = CompletableFuture.supplyAsync(() -> post(fields(call.sid, "1"), step));
        TwimlAnswer first = one.get(30, TimeUnit.SECONDS);
        assertEquals(first.xml(), two.get(30, TimeUnit.SECONDS).xml());
        assertSaid(first, "Done. 1 consignment is bundled to " + s.spelledMark());
        assertEquals(
                1,
                api.get("/api/v1/bundles", s.trucker().token())
                        .expect(200)
                        .json()
                        .getJsonArray("bundles")
                        .size());
        List<String> journal = trail(call.sid);
        assertEquals(
                1, journal.stream().filter(l -> l.startsWith("CONFIRM bundled")).count(), journal.toString());
    }
}
