package hk.seamless.ivrs;

import static hk.seamless.ivrs.CallState.again;
import static hk.seamless.ivrs.CallState.done;
import static hk.seamless.ivrs.CallState.end;
import static hk.seamless.ivrs.CallState.speak;

import hk.seamless.ivrs.CallState.Call;
import hk.seamless.ivrs.CallState.Outcome;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * The first steps of a call: the caller's language, then its account number and keypad PIN. A right
 * PIN leads to the caller's vehicles ({@link BundlingSteps}); three wrong ones in a call end it, and
 * the account's own lock-out (across calls) is the PIN store's.
 */
final class SignInSteps {

    private static final Pattern PIN_SHAPE =
            Pattern.compile("[0-9]{" + IvrsPins.MIN_PIN_DIGITS + "," + IvrsPins.MAX_PIN_DIGITS + "}");
    private static final Pattern ACCOUNT_SHAPE = Pattern.compile("[0-9]{" + IvrsPins.ACCOUNT_NUMBER_DIGITS + "}");

    /** Wrong PINs in one call before it is ended. */
    static final int PIN_TRIES_PER_CALL = 3;

    private final CallServices services;

    SignInSteps(CallServices services) {
        this.services = services;
    }

    Outcome language(Call call, String keys) {
        Language chosen = keys.equals("1") ? Language.ENGLISH : keys.equals("2") ? Language.CANTONESE : null;
        if (chosen == null) {
            return again(call, "no such choice", Phrases::notAChoice);
        }
        call.language = chosen;
        call.moveTo(IvrsCalls.Step.ACCOUNT, speak(call, Phrases::accountNumber), Gather.ACCOUNT_NUMBER);
        return call.ask(chosen.tag(), List.of());
    }

    Outcome accountNumber(Call call, String keys) {
        if (!ACCOUNT_SHAPE.matcher(keys).matches()) {
            return again(call, "not 8 digits", Phrases::accountNumberLength);
        }
        call.accountNumber = keys;
        call.moveTo(IvrsCalls.Step.PIN, speak(call, Phrases::pin), Gather.PIN);
        // Not the digits: a caller told the PIN was wrong may key the PIN again here. The PIN step names the account.
        return call.ask("8 digits keyed", List.of());
    }

    CompletionStage<Outcome> pin(Call call, String keys) {
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
                    BundlingSteps.offerVehicles(call, vehicles);
                    return call.ask(
                            "right, account " + check.accountId() + ", " + vehicles.size() + " vehicles", List.of());
                });
            }
            case WRONG ->
                done(wrongPin(
                        call,
                        check.accountId() == null
                                ? "wrong: no account has that number"
                                : "wrong for account " + check.accountId()));
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
        call.moveTo(IvrsCalls.Step.ACCOUNT, speak(call, Phrases::accountNumber), Gather.ACCOUNT_NUMBER);
        return call.ask(audit + " (" + call.pinTries + " in this call)", speak(call, Phrases::wrongAccountOrPin));
    }
}
