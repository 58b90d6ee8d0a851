package hk.seamless.ivrs;

import static hk.seamless.ivrs.CallState.done;
import static hk.seamless.ivrs.CallState.end;
import static hk.seamless.ivrs.CallState.speak;

import hk.seamless.config.Direction;
import hk.seamless.ivrs.CallState.Call;
import hk.seamless.ivrs.CallState.Handled;
import hk.seamless.ivrs.CallState.Outcome;
import hk.seamless.trade.BundleRequest;
import hk.seamless.trade.Ccrn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
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
    static final int PIN_TRIES_PER_CALL = 3;
    /** Wrong keys in a row at one step before the call is ended. */
    static final int INVALID_INPUTS = 5;

    static final int VEHICLES_PER_PAGE = 9;
    static final int HISTORY = 8;
    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern KEYS = Pattern.compile("[0-9*#]{1,64}");
    private static final Pattern PIN_SHAPE =
            Pattern.compile("[0-9]{" + IvrsPins.MIN_PIN_DIGITS + "," + IvrsPins.MAX_PIN_DIGITS + "}");
    private static final Pattern ACCOUNT_SHAPE = Pattern.compile("[0-9]{" + IvrsPins.ACCOUNT_NUMBER_DIGITS + "}");
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

    public IvrsCalls(CallServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
        this.calls = new CallRegister(clock, MAX_CALLS);
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

    private CompletionStage<Outcome> keyed(Call call, Step at, String keys) {
        return switch (at) {
            case LANGUAGE -> done(language(call, keys));
            case ACCOUNT -> done(accountNumber(call, keys));
            case PIN -> pin(call, keys);
            case VEHICLE -> done(vehicle(call, keys));
            case DIRECTION -> done(direction(call, keys));
            case ACTION -> action(call, keys);
            case CCRN -> done(ccrn(call, keys));
            case CONFIRM -> confirm(call, keys);
            case UNBUNDLE -> unbundle(call, keys);
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

    /** The same prompt again after keys that do not fit it; too many in a row end the call. */
    private Outcome again(Call call, String audit, Function<Phrases, String> why) {
        call.invalids++;
        if (call.invalids >= INVALID_INPUTS) {
            return end(call, audit + ", too many, call ended", why, Phrases::tooManyAttempts);
        }
        return call.ask(audit + ", asked again", speak(call, why));
    }

    private Outcome language(Call call, String keys) {
        Language chosen = keys.equals("1") ? Language.ENGLISH : keys.equals("2") ? Language.CANTONESE : null;
        if (chosen == null) {
            return again(call, "no such choice", Phrases::notAChoice);
        }
        call.language = chosen;
        call.moveTo(Step.ACCOUNT, speak(call, Phrases::accountNumber), Gather.ACCOUNT_NUMBER);
        return call.ask(chosen.tag(), List.of());
    }

    private Outcome accountNumber(Call call, String keys) {
        if (!ACCOUNT_SHAPE.matcher(keys).matches()) {
            return again(call, "not 8 digits", Phrases::accountNumberLength);
        }
        call.accountNumber = keys;
        call.moveTo(Step.PIN, speak(call, Phrases::pin), Gather.PIN);
        return call.ask("number " + keys, List.of());
    }

    private CompletionStage<Outcome> pin(Call call, String keys) {
        if (!PIN_SHAPE.matcher(keys).matches()) {
            return done(wrongPin(call, "wrong shape, not checked"));
        }
        return services.checkPin(call.accountNumber, keys).thenCompose(check -> switch (check.status()) {
            case OK -> {
                call.accountId = check.accountId();
                yield services.vehicles(check.accountId()).thenApply(vehicles -> {
                    if (vehicles.isEmpty()) {
                        return end(call, "right, account " + check.accountId() + ", no vehicles", Phrases::noVehicles);
                    }
                    call.vehicles = List.copyOf(vehicles);
                    call.page = 0;
                    call.moveTo(Step.VEHICLE, vehiclePrompt(call), Gather.ONE_KEY);
                    return call.ask(
                            "right, account " + check.accountId() + ", " + vehicles.size() + " vehicles", List.of());
                });
            }
            case WRONG -> done(wrongPin(call, "wrong"));
            case LOCKED ->
                done(end(
                        call,
                        "refused: account locked until " + check.lockedUntil(),
                        p -> p.locked(check.lockedUntil())));
            case NOT_ALLOWED -> done(end(call, "right, but the account may not use the phone", Phrases::notAllowed));
        });
    }

    private Outcome wrongPin(Call call, String audit) {
        call.pinTries++;
        if (call.pinTries >= PIN_TRIES_PER_CALL) {
            return end(
                    call,
                    audit + " (" + call.pinTries + " in this call), call ended",
                    Phrases::wrongAccountOrPin,
                    Phrases::tooManyWrongPins);
        }
        call.moveTo(Step.ACCOUNT, speak(call, Phrases::accountNumber), Gather.ACCOUNT_NUMBER);
        return call.ask(audit + " (" + call.pinTries + " in this call)", speak(call, Phrases::wrongAccountOrPin));
    }

    private List<Speech> vehiclePrompt(Call call) {
        Phrases p = Phrases.of(call.language);
        List<Speech> says = new ArrayList<>();
        int first = call.page * VEHICLES_PER_PAGE;
        for (int i = first; i < Math.min(first + VEHICLES_PER_PAGE, call.vehicles.size()); i++) {
            says.add(new Speech(
                    call.language, p.vehicleOption(call.vehicles.get(i).display(), i - first + 1)));
        }
        if (call.vehicles.size() > VEHICLES_PER_PAGE) {
            says.add(new Speech(call.language, p.moreVehicles()));
        }
        return says;
    }

    private Outcome vehicle(Call call, String keys) {
        if (keys.equals("0") && call.vehicles.size() > VEHICLES_PER_PAGE) {
            int pages = (call.vehicles.size() + VEHICLES_PER_PAGE - 1) / VEHICLES_PER_PAGE;
            call.page = (call.page + 1) % pages;
            call.moveTo(Step.VEHICLE, vehiclePrompt(call), Gather.ONE_KEY);
            return call.ask("page " + (call.page + 1), List.of());
        }
        int index = keys.length() == 1 && keys.charAt(0) >= '1' && keys.charAt(0) <= '9'
                ? call.page * VEHICLES_PER_PAGE + keys.charAt(0) - '1'
                : -1;
        if (index < 0 || index >= Math.min(call.vehicles.size(), (call.page + 1) * VEHICLES_PER_PAGE)) {
            return again(call, "no such choice", Phrases::notAChoice);
        }
        call.vehicle = call.vehicles.get(index);
        call.moveTo(Step.DIRECTION, speak(call, Phrases::chooseDirection), Gather.ONE_KEY);
        return call.ask(call.vehicle.mark(), List.of());
    }

    private Outcome direction(Call call, String keys) {
        Direction chosen = keys.equals("1") ? Direction.IMPORT : keys.equals("2") ? Direction.EXPORT : null;
        if (chosen == null) {
            return again(call, "no such choice", Phrases::notAChoice);
        }
        call.direction = chosen;
        toMenu(call);
        return call.ask(chosen.name(), List.of());
    }

    private void toMenu(Call call) {
        call.ccrns.clear();
        call.active = null;
        call.moveTo(
                Step.ACTION, speak(call, p -> p.chooseAction(call.vehicle.display(), call.direction)), Gather.ONE_KEY);
    }

    private CompletionStage<Outcome> action(Call call, String keys) {
        if (keys.equals("1")) {
            call.ccrns.clear();
            call.moveTo(Step.CCRN, speak(call, Phrases::firstCcrn), Gather.CCRN);
            return done(call.ask("bundle", List.of()));
        }
        if (!keys.equals("2")) {
            return done(again(call, "no such choice", Phrases::notAChoice));
        }
        return services.activeBundle(call.accountId, call.vehicle.mark(), call.direction)
                .thenApply(active -> {
                    if (active == null) {
                        List<Speech> why = speak(call, p -> p.noActiveBundle(call.vehicle.display(), call.direction));
                        toMenu(call);
                        return call.ask("unbundle: no active bundle", why);
                    }
                    call.active = active;
                    call.moveTo(
                            Step.UNBUNDLE,
                            speak(
                                    call,
                                    p -> p.confirmUnbundle(
                                            call.vehicle.display(),
                                            call.direction,
                                            active.ccrnCount(),
                                            active.empty())),
                            Gather.ONE_KEY);
                    return call.ask("unbundle: active bundle " + active.bundleId(), List.of());
                });
    }

    private Outcome ccrn(Call call, String keys) {
        int star = keys.indexOf('*');
        String number = star < 0 ? keys : keys.substring(0, star);
        boolean finished = star >= 0;
        List<Speech> preface = new ArrayList<>();
        String audit;
        if (number.isEmpty()) {
            audit = "star";
        } else if (number.length() != 16 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return again(call, number.length() + " keys, not a CCRN", p -> p.wrongLength(number.length()));
        } else if (!Ccrn.isValid(number)) {
            return again(call, "wrong check digit", Phrases::wrongCheckDigit);
        } else if (call.ccrns.contains(number)) {
            preface.addAll(speak(call, p -> p.duplicate(number)));
            audit = number + " keyed twice";
        } else {
            call.ccrns.add(number);
            preface.addAll(speak(call, p -> p.accepted(number)));
            audit = number + " accepted (" + call.ccrns.size() + ")";
            if (call.ccrns.size() >= BundleRequest.MAX_CCRNS) {
                preface.addAll(speak(call, p -> p.bundleFull(BundleRequest.MAX_CCRNS)));
                finished = true;
            }
        }
        if (!finished) {
            call.moveTo(Step.CCRN, speak(call, Phrases::nextCcrn), Gather.CCRN);
            return call.ask(audit, preface);
        }
        if (call.ccrns.isEmpty()) {
            return again(call, "star before any CCRN", Phrases::noCcrnYet);
        }
        call.moveTo(
                Step.CONFIRM,
                speak(call, p -> p.confirmBundle(call.ccrns.size(), call.vehicle.display(), call.direction)),
                Gather.ONE_KEY);
        return call.ask(audit + ", " + call.ccrns.size() + " to confirm", preface);
    }

    private CompletionStage<Outcome> confirm(Call call, String keys) {
        if (keys.equals("2")) {
            List<Speech> said = speak(call, Phrases::cancelled, Phrases::nothingBundled);
            toMenu(call);
            return done(call.ask("cancelled", said));
        }
        if (!keys.equals("1")) {
            return done(again(call, "no such choice", Phrases::notAChoice));
        }
        List<String> ccrns = List.copyOf(call.ccrns);
        return services.bundle(call.accountId, call.vehicle.mark(), call.direction, ccrns)
                .thenApply(result -> {
                    if (result.succeeded()) {
                        return end(
                                call,
                                "bundled " + result.bundleId() + " " + call.vehicle.mark() + " " + call.direction + " "
                                        + String.join(",", ccrns),
                                p -> p.bundled(
                                        result.ccrnCount(),
                                        call.vehicle.display(),
                                        call.direction,
                                        result.earliestCrossingAt()));
                    }
                    if (result.unavailable()) {
                        return end(call, "registry unavailable, nothing bundled", Phrases::technicalProblem);
                    }
                    List<String> kinds =
                            result.refusals().stream().map(r -> r.kind().name()).toList();
                    if (kinds.contains(CallServices.RefusalKind.TOO_MANY_ATTEMPTS.name())) {
                        return end(call, "refused: too many failed attempts", Phrases::tooManyBundlingFailures);
                    }
                    List<Speech> said = new ArrayList<>();
                    for (CallServices.Refusal r : result.refusals()) {
                        said.addAll(speak(call, p -> p.refusal(r, call.vehicle.display(), call.direction)));
                    }
                    said.addAll(speak(call, Phrases::nothingBundled));
                    toMenu(call);
                    return call.ask("refused: " + String.join(",", kinds), said);
                });
    }

    private CompletionStage<Outcome> unbundle(Call call, String keys) {
        if (keys.equals("2")) {
            List<Speech> said = speak(call, Phrases::kept);
            toMenu(call);
            return done(call.ask("kept", said));
        }
        if (!keys.equals("1")) {
            return done(again(call, "no such choice", Phrases::notAChoice));
        }
        String bundleId = call.active.bundleId();
        return services.unbundle(call.accountId, bundleId).thenApply(result -> switch (result.status()) {
            case UNBUNDLED -> end(call, "unbundled " + bundleId, p -> p.unbundled(result.ccrnCount()));
            case UNAVAILABLE ->
                end(call, "registry unavailable, " + bundleId + " not unbundled", Phrases::technicalProblem);
            case GONE -> {
                List<Speech> said = speak(call, Phrases::bundleGone);
                toMenu(call);
                yield call.ask(bundleId + " could not be unbundled: " + result.reason(), said);
            }
        });
    }
}
