package hk.seamless.ivrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.Direction;
import hk.seamless.trade.Ccrn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call state machine alone: no HTTP, no registry, a clock moved by hand. */
class IvrsCallsTest {

    private static final Instant START = ZonedDateTime.of(2026, 11, 17, 10, 0, 0, 0, ZoneId.of("Asia/Hong_Kong"))
            .toInstant();

    private final MutableClock clock = new MutableClock(START);
    private FakeCallServices services;
    private IvrsCalls calls;
    private final Map<String, Integer> steps = new HashMap<>();

    @BeforeEach
    void setUp() {
        services = new FakeCallServices(clock);
        calls = new IvrsCalls(services, clock);
    }

    static String ccrn() {
        String first = String.format("26%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
        return first + Ccrn.checkDigit(first);
    }

    static String wrongCheckDigit(String ccrn) {
        return ccrn.substring(0, 15) + ((ccrn.charAt(15) - '0' + 1) % 10);
    }

    /** Keys as the platform sends them: naming the step of the last answer. */
    private CallAnswer key(String sid, String digits) {
        CallAnswer answer = calls.handle(CallRequest.of(sid, "+85291234567", digits, steps.get(sid)))
                .toCompletableFuture()
                .join();
        steps.put(sid, answer.step());
        return answer;
    }

    private static String text(CallAnswer a) {
        return a.spokenText();
    }

    private static void assertLanguage(CallAnswer a, Language language) {
        assertFalse(a.says().isEmpty());
        a.says().forEach(s -> assertEquals(language, s.language(), s.text()));
    }

    /** Through the greeting, account and PIN to the vehicle menu. */
    private CallAnswer logIn(String sid, String languageKey) {
        CallAnswer greeting = key(sid, null);
        assertNotNull(greeting.gather());
        assertTrue(greeting.says().stream().anyMatch(s -> s.language() == Language.ENGLISH));
        assertTrue(greeting.says().stream().anyMatch(s -> s.language() == Language.CANTONESE));
        key(sid, languageKey);
        key(sid, FakeCallServices.NUMBER);
        return key(sid, FakeCallServices.PIN + "#");
    }

    @Test
    void englishCallBundlesTwoCcrns() {
        String a = ccrn();
        String b = ccrn();
        CallAnswer greeting = key("CA1", null);
        assertEquals(1, greeting.gather().numDigits());
        CallAnswer account = key("CA1", "1");
        assertLanguage(account, Language.ENGLISH);
        assertTrue(text(account).contains("8 digit phone account number"), text(account));
        CallAnswer pin = key("CA1", FakeCallServices.NUMBER);
        assertTrue(text(pin).contains("PIN"));
        assertEquals("#", pin.gather().finishOnKey());
        CallAnswer vehicles = key("CA1", FakeCallServices.PIN);
        assertEquals(
                List.of("For F U 1 2 3 4, press 1.", "For A B 1 2, press 2."),
                vehicles.says().stream().map(Speech::text).toList());
        assertTrue(text(key("CA1", "1")).contains("For import into Hong Kong, press 1"));
        assertTrue(text(key("CA1", "1")).contains("To bundle consignments, press 1"));
        CallAnswer first = key("CA1", "1");
        assertTrue(text(first).contains("16 digit C C R N"), text(first));
        assertEquals(17, first.gather().numDigits());
        CallAnswer accepted = key("CA1", a);
        assertTrue(text(accepted).startsWith("Accepted: " + Phrases.spellCcrn(a) + "."), text(accepted));
        CallAnswer wrong = key("CA1", wrongCheckDigit(b));
        assertTrue(text(wrong).startsWith("The check digit is wrong"), text(wrong));
        CallAnswer shortOne = key("CA1", b.substring(0, 12));
        assertTrue(text(shortOne).contains("you keyed 12"), text(shortOne));
        assertTrue(text(key("CA1", b + "#")).startsWith("Accepted: " + Phrases.spellCcrn(b)));
        CallAnswer confirm = key("CA1", "*");
        assertEquals(
                "Bundle 2 consignments to F U 1 2 3 4 for import? To confirm, press 1. To cancel, press 2.",
                text(confirm));
        CallAnswer done = key("CA1", "1");
        assertTrue(done.hangup());
        assertNull(done.gather());
        assertEquals(
                "Done. 2 consignments are bundled to F U 1 2 3 4 for import. The earliest crossing time is "
                        + "10:30 am on Tuesday 17 November, Hong Kong time. Goodbye.",
                text(done));
        assertEquals(List.of(List.of(a, b)), services.bundled);
        // Every step is journalled, never the PIN.
        assertTrue(services.audits.size() >= 12, services.audits.toString());
        assertTrue(services.audits.stream().allMatch(line -> line.startsWith("CA1 ")));
        assertTrue(
                services.audits.stream().noneMatch(line -> line.contains(FakeCallServices.PIN)),
                services.audits.toString());
        assertTrue(
                services.audits.stream().anyMatch(line -> line.contains("CONFIRM bundled B1")),
                services.audits.toString());
    }

    @Test
    void cantoneseCallBundlesThenUnbundles() {
        String a = ccrn();
        String b = ccrn();
        CallAnswer vehicles = logIn("CA2", "2");
        assertLanguage(vehicles, Language.CANTONESE);
        assertEquals("F U 1 2 3 4，請按1。", vehicles.says().get(0).text());
        assertTrue(text(key("CA2", "2")).contains("進口香港，請按1"));
        CallAnswer menu = key("CA2", "2");
        assertTrue(text(menu).startsWith("A B 1 2，出口。綑綁貨物，請按1"), text(menu));
        key("CA2", "1");
        assertTrue(text(key("CA2", a)).startsWith("已經接受：" + Phrases.spellCcrn(a)));
        CallAnswer wrong = key("CA2", wrongCheckDigit(b));
        assertTrue(text(wrong).startsWith("檢查號碼唔啱"), text(wrong));
        assertLanguage(wrong, Language.CANTONESE);
        key("CA2", b);
        assertTrue(text(key("CA2", "*")).startsWith("將2批貨物綑綁到A B 1 2，出口。確認，請按1"));
        CallAnswer done = key("CA2", "1");
        assertTrue(done.hangup());
        assertEquals("完成。2批貨物已經綑綁到A B 1 2，出口。最早過境時間係香港時間11月17日（星期二）上午10時30分。再見。", text(done));

        // Later, a second call unbundles it.
        clock.advance(Duration.ofMinutes(5));
        logIn("CA3", "2");
        key("CA3", "2");
        key("CA3", "2");
        CallAnswer confirm = key("CA3", "2");
        assertEquals("A B 1 2有一個出口嘅有效綑綁，有2批貨物。取消綑綁，請按1。保留，請按2。", text(confirm));
        CallAnswer unbundled = key("CA3", "1");
        assertTrue(unbundled.hangup());
        assertEquals("完成。綑綁已經取消，2批貨物已經恢復為已遞交。再見。", text(unbundled));
        assertEquals(List.of("B1"), services.unbundled);
        assertTrue(services.active.isEmpty());
    }

    @Test
    void unbundleWithoutActiveBundleSaysSoAndReturnsToTheMenu() {
        logIn("CA4", "1");
        key("CA4", "1");
        key("CA4", "1");
        CallAnswer none = key("CA4", "2");
        assertTrue(
                text(none).startsWith("F U 1 2 3 4 has no active bundle for import. F U 1 2 3 4, import. To bundle"),
                text(none));
        assertNotNull(none.gather());
        assertTrue(services.unbundled.isEmpty());
    }

    @Test
    void silenceRepeatsThePromptTwiceThenEndsPolitely() {
        key("CA5", null);
        key("CA5", "1");
        CallAnswer first = key("CA5", null);
        assertTrue(text(first).startsWith("Sorry, we did not hear anything. Please key your 8 digit"), text(first));
        CallAnswer second = key("CA5", "");
        assertTrue(text(second).startsWith("Sorry, we did not hear anything. Please key your 8 digit"), text(second));
        CallAnswer end = key("CA5", null);
        assertTrue(end.hangup());
        assertEquals(
                "We have not heard from you, so we will end this call. Thank you for calling. Goodbye.", text(end));
        assertTrue(services.audits.stream().anyMatch(l -> l.contains("silence 3, call ended")));
    }

    @Test
    void silenceBeforeTheLanguageIsChosenIsAnsweredInBothLanguages() {
        key("CA6", null);
        key("CA6", null);
        key("CA6", null);
        CallAnswer end = key("CA6", null);
        assertTrue(end.hangup());
        assertEquals(2, end.says().size());
        assertEquals(Language.CANTONESE, end.says().get(1).language());
    }

    @Test
    void aReplayedConfirmationDoesNotBundleTwice() {
        String a = ccrn();
        logIn("CA7", "1");
        key("CA7", "1");
        key("CA7", "1");
        key("CA7", "1");
        key("CA7", a);
        CallAnswer confirm = key("CA7", "*");
        int step = confirm.step();
        CallAnswer first = calls.handle(CallRequest.of("CA7", null, "1", step))
                .toCompletableFuture()
                .join();
        CallAnswer replay = calls.handle(CallRequest.of("CA7", null, "1", step))
                .toCompletableFuture()
                .join();
        assertEquals(first, replay);
        assertEquals(1, services.bundled.size());
        // Without the step (a platform that does not echo it) the ended call is still not bundled again.
        CallAnswer again = calls.handle(CallRequest.of("CA7", null, "1", null))
                .toCompletableFuture()
                .join();
        assertTrue(again.hangup());
        assertEquals(1, services.bundled.size());
    }

    @Test
    void replaysInFlightAreAnsweredOnceInOrder() {
        String a = ccrn();
        logIn("CA8", "1");
        key("CA8", "1");
        key("CA8", "1");
        key("CA8", "1");
        key("CA8", a);
        int step = key("CA8", "*").step();
        var one = calls.handle(CallRequest.of("CA8", null, "1", step)).toCompletableFuture();
        var two = calls.handle(CallRequest.of("CA8", null, "1", step)).toCompletableFuture();
        assertEquals(one.join(), two.join());
        assertEquals(1, services.bundled.size());
    }

    @Test
    void aStaleStepWithOtherKeysRepeatsTheCurrentPrompt() {
        key("CA9", null);
        CallAnswer account = key("CA9", "1");
        CallAnswer stale = calls.handle(CallRequest.of("CA9", null, "2", account.step() - 1))
                .toCompletableFuture()
                .join();
        assertEquals(account, stale);
        assertLanguage(stale, Language.ENGLISH);
    }

    @Test
    void sameKeysAtSuccessiveStepsAreNotReplays() {
        CallAnswer vehicles = logIn("CA10", "1");
        assertNotNull(vehicles.gather());
        CallAnswer direction = key("CA10", "1");
        CallAnswer menu = key("CA10", "1");
        CallAnswer ccrn = key("CA10", "1");
        assertTrue(text(direction).contains("For import"));
        assertTrue(text(menu).contains("To bundle"));
        assertTrue(text(ccrn).contains("16 digit"));
    }

    @Test
    void nonKeypadInputIsAskedAgain() {
        key("CA11", null);
        CallAnswer answer = key("CA11", "1; DROP TABLE");
        assertTrue(text(answer).startsWith("Please use the telephone keypad. 請用電話按鍵輸入。 Welcome"), text(answer));
        assertNotNull(answer.gather());
        CallAnswer invalid = key("CA11", "7");
        assertTrue(text(invalid).startsWith("That is not one of the choices."), text(invalid));
    }

    @Test
    void tooManyWrongKeysInARowEndTheCall() {
        key("CA12", null);
        CallAnswer last = null;
        for (int i = 0; i < IvrsCalls.INVALID_INPUTS; i++) {
            last = key("CA12", "9");
        }
        assertTrue(last.hangup());
    }

    @Test
    void missingCallSidIsASorryAndAHangUp() {
        CallAnswer answer = calls.handle(CallRequest.of(null, "+85291234567", "1", null))
                .toCompletableFuture()
                .join();
        assertTrue(answer.hangup());
        assertEquals(2, answer.says().size());
        assertTrue(text(answer).startsWith("Sorry"));
        assertEquals(0, calls.activeCalls());
        CallAnswer weird = calls.handle(CallRequest.of("<script>", null, "1", null))
                .toCompletableFuture()
                .join();
        assertTrue(weird.hangup());
    }

    @Test
    void anUnknownCallSidWithDigitsStartsAFreshCall() {
        CallAnswer answer = calls.handle(CallRequest.of("CA-unknown", null, "12345678", 7))
                .toCompletableFuture()
                .join();
        assertNotNull(answer.gather());
        assertTrue(text(answer).startsWith("Welcome"), text(answer));
        assertTrue(services.audits.get(0).contains("call from"));
    }

    @Test
    void theTimerForgetsIdleCallsWithoutWaitingForAnotherCall() {
        key("CA15", null);
        key("CA16", null);
        clock.advance(Duration.ofMinutes(10));
        key("CA16", "1");
        assertEquals(2, calls.forgetIdleCalls(), "neither call is idle for thirty minutes yet");
        clock.advance(Duration.ofMinutes(21));
        assertEquals(1, calls.forgetIdleCalls(), "the call unheard from for 31 minutes is forgotten");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, calls.forgetIdleCalls());
    }

    @Test
    void idleCallsAreForgottenAfterThirtyMinutes() {
        key("CA13", null);
        key("CA13", "1");
        assertEquals(1, calls.activeCalls());
        clock.advance(Duration.ofMinutes(29));
        CallAnswer stillThere = key("CA13", FakeCallServices.NUMBER);
        assertTrue(text(stillThere).contains("PIN"));
        clock.advance(Duration.ofMinutes(31));
        CallAnswer fresh = key("CA13", FakeCallServices.PIN);
        assertTrue(text(fresh).startsWith("Welcome"), text(fresh));
        // Another call's request sweeps expired calls away.
        clock.advance(Duration.ofMinutes(31));
        key("CA14", null);
        assertEquals(1, calls.activeCalls());
    }

    @Test
    void wrongPinsEndTheCallThenLockTheAccount() {
        key("CA15", null);
        key("CA15", "1");
        key("CA15", FakeCallServices.NUMBER);
        CallAnswer wrong = key("CA15", "111222");
        assertTrue(
                text(wrong).startsWith("The account number or the PIN is not correct. Please key your 8 digit"),
                text(wrong));
        key("CA15", FakeCallServices.NUMBER);
        key("CA15", "12345");
        key("CA15", FakeCallServices.NUMBER);
        CallAnswer ended = key("CA15", "111333");
        assertTrue(ended.hangup());
        assertTrue(text(ended).contains("Too many wrong attempts"), text(ended));

        key("CA16", null);
        key("CA16", "2");
        key("CA16", FakeCallServices.NUMBER);
        key("CA16", "111444");
        key("CA16", FakeCallServices.NUMBER);
        key("CA16", "111555");
        key("CA16", FakeCallServices.NUMBER);
        // The fifth wrong PIN for the account (the one of the wrong shape was never checked) locks it.
        CallAnswer locked = key("CA16", "111666");
        assertTrue(locked.hangup());
        assertEquals("呢個戶口輸入錯誤密碼太多次，電話服務已經暫停。請喺香港時間11月17日（星期二）上午10時15分之後再打嚟。再見。", text(locked));
        assertTrue(services.audits.stream().noneMatch(l -> l.contains("111555") || l.contains("111222")));
    }

    @Test
    void refusalsAreSpokenAndTheCallerReturnsToTheMenu() {
        String a = ccrn();
        services.refuseWith = List.of(
                new CallServices.Refusal(
                        CallServices.RefusalKind.NOT_LODGED, a, hk.seamless.trade.ConsignmentStatus.CROSSED, null, "x"),
                new CallServices.Refusal(CallServices.RefusalKind.WRONG_DIRECTION, a, null, Direction.EXPORT, "y"));
        logIn("CA17", "1");
        key("CA17", "1");
        key("CA17", "1");
        key("CA17", "1");
        key("CA17", a);
        key("CA17", "*");
        CallAnswer refused = key("CA17", "1");
        assertNotNull(refused.gather());
        assertTrue(
                text(refused)
                        .startsWith("Consignment " + Phrases.spellCcrn(a) + " is crossed, not lodged. Consignment "
                                + Phrases.spellCcrn(a)
                                + " is lodged for export, not import. Nothing was bundled. F U 1 2 3 4, import."),
                text(refused));
        services.refuseWith =
                List.of(new CallServices.Refusal(CallServices.RefusalKind.TOO_MANY_ATTEMPTS, null, null, null, "z"));
        key("CA17", "1");
        key("CA17", a + "*");
        CallAnswer limited = key("CA17", "1");
        assertTrue(limited.hangup());
        assertTrue(text(limited).contains("too many failed bundling attempts"), text(limited));
    }

    @Test
    void anAccountSuspendedDuringTheCallIsRefusedAtItsNextKey() {
        String a = ccrn();
        logIn("CA20", "1");
        key("CA20", "1");
        key("CA20", "1");
        key("CA20", "1");
        services.allowed = false;
        CallAnswer refused = key("CA20", a);
        assertTrue(refused.hangup());
        assertEquals(
                "This account can no longer use the phone line, so nothing was changed. Please contact customs. Goodbye.",
                text(refused));
        assertTrue(services.bundled.isEmpty());
        assertTrue(
                services.audits.stream().anyMatch(l -> l.contains("CCRN refused: the account may no longer use")),
                services.audits.toString());
        // The call is over: the same keys again change nothing.
        assertTrue(key("CA20", "*").hangup());
        assertTrue(services.bundled.isEmpty());
    }

    @Test
    void aSuspensionTheWriterSeesFirstRefusesTheBundleAndEndsTheCall() {
        String a = ccrn();
        logIn("CA21", "2");
        key("CA21", "1");
        key("CA21", "1");
        key("CA21", "1");
        key("CA21", a);
        key("CA21", "*");
        services.allowedAtWrite = false;
        CallAnswer refused = key("CA21", "1");
        assertTrue(refused.hangup());
        assertLanguage(refused, Language.CANTONESE);
        assertEquals("呢個戶口已經唔可以再使用電話服務，所以冇作出任何更改。請聯絡海關。再見。", text(refused));
        assertTrue(services.bundled.isEmpty());
    }

    @Test
    void aSuspensionTheWriterSeesFirstRefusesTheUnbundleAndEndsTheCall() {
        services.active.put(
                "FU1234|IMPORT", new CallServices.ActiveBundle("B9", 2, false, START.plus(Duration.ofMinutes(30))));
        logIn("CA22", "1");
        key("CA22", "1");
        key("CA22", "1");
        assertTrue(text(key("CA22", "2")).contains("To unbundle it, press 1"));
        services.allowedAtWrite = false;
        CallAnswer refused = key("CA22", "1");
        assertTrue(refused.hangup());
        assertTrue(text(refused).startsWith("This account can no longer use the phone line"), text(refused));
        assertTrue(services.unbundled.isEmpty());
        assertTrue(services.active.containsKey("FU1234|IMPORT"));
    }

    @Test
    void moreThanNineVehiclesArePaged() {
        services.vehicles = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            services.vehicles.add(new CallServices.VehicleChoice("AB" + i, "AB " + i));
        }
        CallAnswer page1 = logIn("CA18", "1");
        assertEquals(10, page1.says().size());
        assertEquals("For more vehicles, press 0.", page1.says().get(9).text());
        CallAnswer page2 = key("CA18", "0");
        assertEquals("For A B 1 0, press 1.", page2.says().get(0).text());
        assertTrue(text(key("CA18", "3")).startsWith("That is not one of the choices"));
        assertTrue(text(key("CA18", "2")).contains("For import"));
        assertTrue(services.audits.stream().anyMatch(l -> l.endsWith("VEHICLE AB11")), services.audits.toString());
    }

    @Test
    void theCallerHangingUpForgetsTheCall() {
        key("CA19", null);
        assertEquals(1, calls.activeCalls());
        CallAnswer answer = calls.handle(new CallRequest("CA19", null, null, null, true))
                .toCompletableFuture()
                .join();
        assertTrue(answer.hangup());
        assertEquals(0, calls.activeCalls());
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Hong_Kong");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
