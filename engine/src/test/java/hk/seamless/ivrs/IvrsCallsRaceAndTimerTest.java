package hk.seamless.ivrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.Direction;
import hk.seamless.http.TestClock;
import hk.seamless.trade.Ccrn;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The only parts of the call state machine not tested through a real engine (see the http
 * package's Ivrs*CallTest classes for everything else), because the engine gives no deterministic
 * hold on them:
 *
 * <ul>
 *   <li>A suspension committed after a step's own check ({@link CallServices#stillAllowed}) but
 *       before the registry writer runs the bundle or unbundle command. Through the real engine an
 *       admin's suspension lands either before the key (the step's check refuses; see
 *       IvrsSuspendedCallTest) or after the write: the window between the two is inside one
 *       request, with nothing a test can pause, so the writer's own refusal can only be reached by
 *       a stand-in that answers as the writer does when it sees the suspension first.
 *   <li>Idle calls forgotten by the timer, and by another call's request: only the count of calls
 *       held shows it ({@link IvrsCalls#activeCalls()}), which the engine does not expose, and the
 *       engine's timer runs on wall-clock time, not the test's clock.
 * </ul>
 */
class IvrsCallsRaceAndTimerTest {

    private static final String NUMBER = "31415926";
    private static final String PIN = "204817";
    private static final Instant START = TestClock.hongKong(2026, 11, 17, 10, 0, 0);

    private final TestClock clock = new TestClock(START);
    private final WriterSeesTheSuspensionFirst services = new WriterSeesTheSuspensionFirst();
    private final IvrsCalls calls = new IvrsCalls(services, clock);
    private final Map<String, Integer> steps = new HashMap<>();

    /** Keys as the platform sends them: naming the step of the last answer. */
    private CallAnswer key(String sid, String digits) {
        CallAnswer answer = calls.handle(CallRequest.of(sid, "+85291234567", digits, steps.get(sid)))
                .toCompletableFuture()
                .join();
        steps.put(sid, answer.step());
        return answer;
    }

    /** Signs in, chooses the vehicle and import: the caller is at the bundle/unbundle menu. */
    private void toMenu(String sid, String languageKey) {
        key(sid, null);
        key(sid, languageKey);
        key(sid, NUMBER);
        key(sid, PIN + "#");
        key(sid, "1");
        key(sid, "1");
    }

    @Test
    void aSuspensionTheWriterSeesFirstRefusesTheBundleAndEndsTheCall() {
        String ccrn = "261234567890123" + Ccrn.checkDigit("261234567890123");
        toMenu("CA1", "2");
        key("CA1", "1");
        key("CA1", ccrn);
        assertTrue(key("CA1", "*").spokenText().startsWith("將1批貨物綑綁到F U 1 2 3 4"));
        CallAnswer refused = key("CA1", "1");
        assertTrue(refused.hangup());
        refused.says().forEach(s -> assertEquals(Language.CANTONESE, s.language(), s.text()));
        assertEquals("呢個戶口已經唔可以再使用電話服務，所以冇作出任何更改。請聯絡海關。再見。", refused.spokenText());
        assertEquals(List.of(List.of(ccrn)), services.bundleAttempts);
        assertTrue(
                services.audits.contains(
                        "CA1 CONFIRM refused: the account may no longer use the phone, nothing bundled"),
                services.audits.toString());
        // The call is over: the same key again changes nothing.
        assertTrue(key("CA1", "1").hangup());
        assertEquals(1, services.bundleAttempts.size());
    }

    @Test
    void aSuspensionTheWriterSeesFirstRefusesTheUnbundleAndEndsTheCall() {
        toMenu("CA2", "1");
        assertTrue(key("CA2", "2").spokenText().contains("To unbundle it, press 1"));
        CallAnswer refused = key("CA2", "1");
        assertTrue(refused.hangup());
        assertEquals(
                "This account can no longer use the phone line, so nothing was changed. Please contact customs. Goodbye.",
                refused.spokenText());
        assertEquals(List.of("B9"), services.unbundleAttempts);
        assertTrue(
                services.audits.contains(
                        "CA2 UNBUNDLE refused: the account may no longer use the phone, B9 not unbundled"),
                services.audits.toString());
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
    void anotherCallsRequestSweepsExpiredCallsAway() {
        key("CA13", null);
        key("CA13", "1");
        assertEquals(1, calls.activeCalls());
        clock.advance(Duration.ofMinutes(31));
        key("CA14", null);
        assertEquals(1, calls.activeCalls(), "CA13 is forgotten, CA14 held");
    }

    /**
     * The registry as the writer answers when it has already committed the account's suspension:
     * the step's check ({@link #stillAllowed}) still said yes, the write says no. One trucker, one
     * vehicle (FU 1234) with an active import bundle B9.
     */
    private static final class WriterSeesTheSuspensionFirst implements CallServices {
        final List<String> audits = new CopyOnWriteArrayList<>();
        final List<List<String>> bundleAttempts = new CopyOnWriteArrayList<>();
        final List<String> unbundleAttempts = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<PinCheck> checkPin(String accountNumber, String pin) {
            return CompletableFuture.completedFuture(
                    NUMBER.equals(accountNumber) && PIN.equals(pin) ? PinCheck.ok("R-trucker") : PinCheck.wrong(null));
        }

        @Override
        public CompletionStage<Boolean> stillAllowed(String accountId) {
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletionStage<List<VehicleChoice>> vehicles(String accountId) {
            return CompletableFuture.completedFuture(List.of(new VehicleChoice("FU1234", "FU 1234")));
        }

        @Override
        public CompletionStage<BundleResult> bundle(
                String accountId, String mark, Direction direction, List<String> ccrns) {
            bundleAttempts.add(List.copyOf(ccrns));
            return CompletableFuture.completedFuture(BundleResult.refused(
                    List.of(new Refusal(RefusalKind.ACCOUNT_NOT_ALLOWED, null, null, null, "suspended"))));
        }

        @Override
        public CompletionStage<ActiveBundle> activeBundle(String accountId, String mark, Direction direction) {
            return CompletableFuture.completedFuture(
                    new ActiveBundle("B9", 2, false, START.plus(Duration.ofMinutes(30))));
        }

        @Override
        public CompletionStage<UnbundleResult> unbundle(String accountId, String bundleId) {
            unbundleAttempts.add(bundleId);
            return CompletableFuture.completedFuture(new UnbundleResult(UnbundleStatus.NOT_ALLOWED, 0, "suspended"));
        }

        @Override
        public CompletionStage<Void> audit(String actor, String callSid, String detail) {
            audits.add(callSid + " " + detail);
            return CompletableFuture.completedFuture(null);
        }
    }
}
