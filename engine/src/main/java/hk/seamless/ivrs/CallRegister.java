package hk.seamless.ivrs;

import hk.seamless.ivrs.CallState.Call;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls in progress, by CallSid: bounded, and forgotten once idle, so that made-up CallSids or
 * calls nobody finishes never hold memory for long. Any thread.
 */
final class CallRegister {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final int maxCalls;
    private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    CallRegister(Clock clock, int maxCalls) {
        this.clock = clock;
        this.maxCalls = maxCalls;
        this.lastSweep = new AtomicLong(clock.millis());
    }

    int size() {
        return calls.size();
    }

    /** The call this callback belongs to (a new one unless it is going on), or null when too many are held. */
    Call join(String sid, String from, Instant now) {
        sweep(now);
        return calls.compute(sid, (key, existing) -> {
            if (existing != null && !existing.idle(now)) {
                existing.lastSeen = now;
                return existing;
            }
            return calls.size() >= maxCalls ? null : new Call(key, caller(from), now);
        });
    }

    /** The caller hung up: the call is gone (null if it was not held). */
    Call hungUp(String sid, Instant now) {
        sweep(now);
        return calls.remove(sid);
    }

    /** Forgets the calls idle for {@link IvrsCalls#IDLE_EXPIRY}; returns how many are still held. */
    int forgetIdle() {
        Instant now = clock.instant();
        lastSweep.set(now.toEpochMilli());
        calls.values().removeIf(c -> c.idle(now));
        return calls.size();
    }

    private void sweep(Instant now) {
        long last = lastSweep.get();
        if (now.toEpochMilli() - last >= SWEEP_EVERY.toMillis() && lastSweep.compareAndSet(last, now.toEpochMilli())) {
            calls.values().removeIf(c -> c.idle(now));
        }
    }

    /** The calling number as kept in the audit trail: digits and a plus only, at most 20. */
    static String caller(String from) {
        if (from == null) {
            return "unknown";
        }
        String kept = from.replaceAll("[^+0-9]", "");
        return kept.isEmpty() ? "unknown" : kept.substring(0, Math.min(20, kept.length()));
    }
}
