package hk.seamless.ivrs;

import static hk.seamless.ivrs.CallState.again;
import static hk.seamless.ivrs.CallState.done;
import static hk.seamless.ivrs.CallState.end;
import static hk.seamless.ivrs.CallState.speak;

import hk.seamless.ivrs.CallState.Call;
import hk.seamless.ivrs.CallState.Handled;
import hk.seamless.ivrs.CallState.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone call, as a state machine keyed by the platform's CallSid, independent of any platform's
 * markup: a {@link CallRequest} in, a {@link CallAnswer} out.
 *
 * <pre>
 * LANGUAGE -> ACCOUNT -> PIN -> VEHICLE -> DIRECTION -> ACTION -1-> CCRN (repeat, * ends) -> CONFIRM -> bundled, hang up
 *                                                             -2-> UNBUNDLE (confirm) -> unbundled, hang up
 * </pre>
 *
 * <p>Calls live in memory and are forgotten after 30 minutes without a request. The requests of one
 * call are handled one after the other, never together; each answer carries a step number that the
 * platform echoes back (the action URL), so a repeated request (same step, same keys) is answered
 * again from memory and never acts twice. Silence repeats the prompt twice, then ends the call.
 * Every request handled is written to the journal ("IVRS_STEP"); a PIN never is.
 */
public final class IvrsCalls {

    public static final Duration IDLE_EXPIRY = Duration.ofMinutes(30);
    /** Calls held at once: a flood of made-up CallSids gets a polite goodbye, not the heap. */
    public static final int MAX_CALLS = 20_000;

    static final int SILENCE_REPEATS = 2;
    /** Wrong keys in a row at one step before the call is ended. */
    static final int INVALID_INPUTS = 5;

    static final int HISTORY = 8;
    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern KEYS = Pattern.compile("[0-9*#]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(IvrsCalls.class);

    enum Step {
        START,
        LANGUAGE,
        ACCOUNT,
        PIN,
        VEHICLE,
        DIRECTION,
        ACTION,
        CCRN,
        CONFIRM,
        UNBUNDLE,
        ENDED
    }

    private final CallServices services;
    private final Clock clock;
    private final CallRegister calls;
    private final SignInSteps signIn;
    private final BundlingSteps bundling;

    public IvrsCalls(CallServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
        this.calls = new CallRegister(clock, MAX_CALLS);
        this.signIn = new SignInSteps(services);
        this.bundling = new BundlingSteps(services);
    }

    /** How many calls are held in memory. */
    public int activeCalls() {
        return calls.size();
    }

    /** Handles one callback. The stage never fails: whatever goes wrong, the caller hears a polite goodbye. */
    public CompletionStage<CallAnswer> handle(CallRequest request) {
        String sid = request.callSid();
        if (sid == null || !CALL_SID.matcher(sid).matches()) {
            return CompletableFuture.completedFuture(CallAnswer.sorry());
        }
        Instant now = clock.instant();
        if (request.ended()) {
            Call gone = calls.hungUp(sid, now);
            if (gone != null) {
                services.audit(gone.actor(), sid, gone.step + " caller hung up");
            }
            return CompletableFuture.completedFuture(new CallAnswer(List.of(), null, true, 0));
        }
        Call call = calls.join(sid, request.from(), now);
        if (call == null) {
            return CompletableFuture.completedFuture(CallAnswer.sorry());
        }
        CompletableFuture<CallAnswer> answer;
        synchronized (call) {
            answer = call.tail
                    .handle((previous, failure) -> null)
                    .thenCompose(ignored -> turn(call, request))
                    .toCompletableFuture();
            call.tail = answer;
        }
        return answer;
    }

    /**
     * Forgets the calls idle for {@link #IDLE_EXPIRY}, whether or not another call comes in: run on
     * a timer, so that a burst of calls nobody finishes does not stay in memory through a quiet night.
     *
     * @return how many calls are still held
     */
    public int forgetIdleCalls() {
        return calls.forgetIdle();
    }

    /** The keys as keyed: a trailing hash (the finish key, should a platform pass it on) dropped; null if none. */
    static String keys(String digits) {
        if (digits == null) {
            return null;
        }
        String d = digits.strip();
        while (d.endsWith("#")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.isEmpty() ? null : d;
    }

    // ---- one turn ----

    private CompletionStage<CallAnswer> turn(Call call, CallRequest request) {
        String from = CallRegister.caller(request.from());
        if (request.from() != null && !from.equals(call.from)) {
            // A call's number does not change: another one naming this call is somebody else's
            // request, which must neither go on in the caller's signed-in call nor end it.
            return services.audit(
                            call.actor(),
                            call.sid,
                            "REFUSED a request from " + from + " for the call from " + call.from)
                    .handle((ok, failure) -> CallAnswer.sorry());
        }
        String keys = keys(request.digits());
        Integer step = request.step();
        if (call.step != Step.START && step != null && step != call.sequence) {
            Handled earlier = call.history.get(step);
            boolean replay = earlier != null && Objects.equals(earlier.keys(), keys);
            return audited(
                    call,
                    "REPLAY",
                    replay ? "of step " + step + " answered again" : "stale step " + step + " ignored",
                    replay ? earlier.answer() : call.last);
        }
        if (call.step == Step.ENDED) {
            return audited(call, "ENDED", "request after the end answered again", call.last);
        }
        Step at = call.step;
        CompletionStage<Outcome> outcome;
        try {
            if (at == Step.START) {
                outcome = done(begin(call));
            } else if (keys == null) {
                outcome = done(silence(call));
            } else if (!KEYS.matcher(keys).matches()) {
                outcome = done(again(call, "not keypad input", Phrases::useKeypad));
            } else {
                outcome = keyed(call, at, keys);
            }
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        return outcome.handle((o, failure) -> {
                    if (failure != null) {
                        LOG.error("IVRS call {} failed at {}", call.sid, at, failure);
                        return end(call, "failed: " + failure.getClass().getSimpleName(), Phrases::technicalProblem);
                    }
                    return o;
                })
                .thenCompose(o -> {
                    int answered = call.sequence;
                    call.sequence++;
                    CallAnswer answer = new CallAnswer(o.says(), o.gather(), o.gather() == null, call.sequence);
                    call.history.put(answered, new Handled(keys, answer));
                    call.last = answer;
                    return audited(call, at.name(), o.audit(), answer);
                });
    }

    private CompletionStage<CallAnswer> audited(Call call, String step, String detail, CallAnswer answer) {
        return services.audit(call.actor(), call.sid, step + " " + detail).handle((ok, failure) -> {
            if (failure == null) {
                return answer;
            }
            // Not in the journal: the registry refuses writes, so the call cannot go on either.
            LOG.error("IVRS call {}: could not journal step {}", call.sid, step, failure);
            call.step = Step.ENDED;
            call.last = new CallAnswer(speak(call, Phrases::technicalProblem), null, true, call.sequence);
            return call.last;
        });
    }

    /**
     * Once signed in, every keyed step first asks whether the account may still use the phone: a
     * suspension reaches a call in progress at its next key, not only the next call. (The writes
     * check again inside the registry writer, for a suspension that lands between the two.)
     */
    private CompletionStage<Outcome> keyed(Call call, Step at, String keys) {
        if (call.accountId == null) {
            return step(call, at, keys);
        }
        return services.stillAllowed(call.accountId)
                .thenCompose(allowed -> allowed
                        ? step(call, at, keys)
                        : done(end(
                                call, "refused: the account may no longer use the phone", Phrases::noLongerAllowed)));
    }

    private CompletionStage<Outcome> step(Call call, Step at, String keys) {
        return switch (at) {
            case LANGUAGE -> done(signIn.language(call, keys));
            case ACCOUNT -> done(signIn.accountNumber(call, keys));
            case PIN -> signIn.pin(call, keys);
            case VEHICLE -> done(bundling.vehicle(call, keys));
            case DIRECTION -> done(bundling.direction(call, keys));
            case ACTION -> bundling.action(call, keys);
            case CCRN -> done(bundling.ccrn(call, keys));
            case CONFIRM -> bundling.confirm(call, keys);
            case UNBUNDLE -> bundling.unbundle(call, keys);
            case START, ENDED -> throw new IllegalStateException("no keys expected at " + at);
        };
    }

    private Outcome begin(Call call) {
        call.moveTo(
                Step.LANGUAGE,
                List.of(
                        new Speech(Language.ENGLISH, Phrases.ENGLISH.greeting()),
                        new Speech(Language.CANTONESE, Phrases.CANTONESE.greeting())),
                Gather.ONE_KEY);
        return call.ask("call from " + call.from, List.of());
    }

    private Outcome silence(Call call) {
        call.silences++;
        if (call.silences > SILENCE_REPEATS) {
            return end(call, "silence " + call.silences + ", call ended", Phrases::silenceGoodbye);
        }
        return call.ask("silence " + call.silences + ", prompt repeated", speak(call, Phrases::didNotHear));
    }
}
