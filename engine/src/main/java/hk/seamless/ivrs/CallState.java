package hk.seamless.ivrs;

import hk.seamless.config.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A call in progress and what its turns decide: the state the call flow keeps per CallSid. */
final class CallState {

    private CallState() {}

    @SafeVarargs
    static Outcome end(Call call, String audit, Function<Phrases, String>... texts) {
        call.step = IvrsCalls.Step.ENDED;
        return new Outcome(speak(call, texts), null, audit);
    }

    /** In the caller's language; before it has chosen, in both. */
    @SafeVarargs
    static List<Speech> speak(Call call, Function<Phrases, String>... texts) {
        List<Speech> says = new ArrayList<>();
        List<Phrases> in = call.language == null
                ? List.of(Phrases.ENGLISH, Phrases.CANTONESE)
                : List.of(Phrases.of(call.language));
        for (Phrases p : in) {
            for (Function<Phrases, String> text : texts) {
                says.add(new Speech(p.language(), text.apply(p)));
            }
        }
        return says;
    }

    /** The same prompt again after keys that do not fit it; too many in a row end the call. */
    static Outcome again(Call call, String audit, Function<Phrases, String> why) {
        call.invalids++;
        if (call.invalids >= IvrsCalls.INVALID_INPUTS) {
            return end(call, audit + ", too many, call ended", why, Phrases::tooManyAttempts);
        }
        return call.ask(audit + ", asked again", speak(call, why));
    }

    static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** What one turn decided: what to say, what to gather (null: hang up), and the journal's line. */
    record Outcome(List<Speech> says, Gather gather, String audit) {}

    record Handled(String keys, CallAnswer answer) {}

    /** One call. Changed only by its own turns, which run one at a time. */
    static final class Call {
        final String sid;
        final String from;
        volatile Instant lastSeen;
        CompletableFuture<CallAnswer> tail = CompletableFuture.completedFuture(null);
        final Map<Integer, Handled> history = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Handled> eldest) {
                return size() > IvrsCalls.HISTORY;
            }
        };
        IvrsCalls.Step step = IvrsCalls.Step.START;
        int sequence;
        CallAnswer last;
        List<Speech> prompt = List.of();
        Gather gather;
        int silences;
        int invalids;
        Language language;
        String accountNumber;
        String accountId;
        int pinTries;
        List<CallServices.VehicleChoice> vehicles = List.of();
        int page;
        CallServices.VehicleChoice vehicle;
        Direction direction;
        final List<String> ccrns = new ArrayList<>();
        CallServices.ActiveBundle active;

        Call(String sid, String from, Instant now) {
            this.sid = sid;
            this.from = from;
            this.lastSeen = now;
        }

        boolean idle(Instant now) {
            return !lastSeen.plus(IvrsCalls.IDLE_EXPIRY).isAfter(now);
        }

        String actor() {
            return accountId != null ? accountId : "ivrs";
        }

        /** A new prompt: the counts of silences and wrong keys start again. */
        void moveTo(IvrsCalls.Step next, List<Speech> newPrompt, Gather newGather) {
            step = next;
            prompt = List.copyOf(newPrompt);
            gather = newGather;
            silences = 0;
            invalids = 0;
        }

        Outcome ask(String audit, List<Speech> preface) {
            List<Speech> says = new ArrayList<>(preface);
            says.addAll(prompt);
            return new Outcome(says, gather, audit);
        }
    }
}
