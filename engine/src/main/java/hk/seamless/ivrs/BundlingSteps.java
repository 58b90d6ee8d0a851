package hk.seamless.ivrs;

import static hk.seamless.ivrs.CallState.again;
import static hk.seamless.ivrs.CallState.done;
import static hk.seamless.ivrs.CallState.end;
import static hk.seamless.ivrs.CallState.speak;

import hk.seamless.config.Direction;
import hk.seamless.ivrs.CallState.Call;
import hk.seamless.ivrs.CallState.Outcome;
import hk.seamless.trade.BundleRequest;
import hk.seamless.trade.Ccrn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The steps of a signed-in call: a vehicle, a direction, then either CCRNs keyed one by one and
 * confirmed (a bundle), or the vehicle's active bundle confirmed for unbundling. A refusal reads out
 * why and returns to the menu; success ends the call, and so does an account suspended meanwhile.
 */
final class BundlingSteps {

    /** Vehicles read out per page: one key each, 1 to 9; 0 turns the page. */
    static final int VEHICLES_PER_PAGE = 9;

    private final CallServices services;

    BundlingSteps(CallServices services) {
        this.services = services;
    }

    /** The caller's vehicles, nine to a page: the step after a right PIN. */
    static void offerVehicles(Call call, List<CallServices.VehicleChoice> vehicles) {
        call.vehicles = List.copyOf(vehicles);
        call.page = 0;
        call.moveTo(IvrsCalls.Step.VEHICLE, vehiclePrompt(call), Gather.ONE_KEY);
    }

    private static List<Speech> vehiclePrompt(Call call) {
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

    Outcome vehicle(Call call, String keys) {
        if (keys.equals("0") && call.vehicles.size() > VEHICLES_PER_PAGE) {
            int pages = (call.vehicles.size() + VEHICLES_PER_PAGE - 1) / VEHICLES_PER_PAGE;
            call.page = (call.page + 1) % pages;
            call.moveTo(IvrsCalls.Step.VEHICLE, vehiclePrompt(call), Gather.ONE_KEY);
            return call.ask("page " + (call.page + 1), List.of());
        }
        int index = keys.length() == 1 && keys.charAt(0) >= '1' && keys.charAt(0) <= '9'
                ? call.page * VEHICLES_PER_PAGE + keys.charAt(0) - '1'
                : -1;
        if (index < 0 || index >= Math.min(call.vehicles.size(), (call.page + 1) * VEHICLES_PER_PAGE)) {
            return again(call, "no such choice", Phrases::notAChoice);
        }
        call.vehicle = call.vehicles.get(index);
        call.moveTo(IvrsCalls.Step.DIRECTION, speak(call, Phrases::chooseDirection), Gather.ONE_KEY);
        return call.ask(call.vehicle.mark(), List.of());
    }

    Outcome direction(Call call, String keys) {
        Direction chosen = keys.equals("1") ? Direction.IMPORT : keys.equals("2") ? Direction.EXPORT : null;
        if (chosen == null) {
            return again(call, "no such choice", Phrases::notAChoice);
        }
        call.direction = chosen;
        toMenu(call);
        return call.ask(chosen.name(), List.of());
    }

    private static void toMenu(Call call) {
        call.ccrns.clear();
        call.active = null;
        call.moveTo(
                IvrsCalls.Step.ACTION,
                speak(call, p -> p.chooseAction(call.vehicle.display(), call.direction)),
                Gather.ONE_KEY);
    }

    CompletionStage<Outcome> action(Call call, String keys) {
        if (keys.equals("1")) {
            call.ccrns.clear();
            call.moveTo(IvrsCalls.Step.CCRN, speak(call, Phrases::firstCcrn), Gather.CCRN);
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
                            IvrsCalls.Step.UNBUNDLE,
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

    Outcome ccrn(Call call, String keys) {
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
            call.moveTo(IvrsCalls.Step.CCRN, speak(call, Phrases::nextCcrn), Gather.CCRN);
            return call.ask(audit, preface);
        }
        if (call.ccrns.isEmpty()) {
            return again(call, "star before any CCRN", Phrases::noCcrnYet);
        }
        call.moveTo(
                IvrsCalls.Step.CONFIRM,
                speak(call, p -> p.confirmBundle(call.ccrns.size(), call.vehicle.display(), call.direction)),
                Gather.ONE_KEY);
        return call.ask(audit + ", " + call.ccrns.size() + " to confirm", preface);
    }

    CompletionStage<Outcome> confirm(Call call, String keys) {
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
                    if (kinds.contains(CallServices.RefusalKind.ACCOUNT_NOT_ALLOWED.name())) {
                        return end(
                                call,
                                "refused: the account may no longer use the phone, nothing bundled",
                                Phrases::noLongerAllowed);
                    }
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

    CompletionStage<Outcome> unbundle(Call call, String keys) {
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
            case NOT_ALLOWED ->
                end(
                        call,
                        "refused: the account may no longer use the phone, " + bundleId + " not unbundled",
                        Phrases::noLongerAllowed);
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
