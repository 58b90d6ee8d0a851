package hk.seamless.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins counted per e-mail address (known or not, so that the answer says nothing about
 * which addresses have accounts) and per client address, in a sliding period. Past the limit, the
 * sign-in is refused before any password is hashed, until the oldest failure in the period ages out.
 *
 * <p>An attempt counts as a failure from the moment it begins, and is taken back only when the
 * password proves right: otherwise a guesser could send a burst of guesses at once and have them
 * all hashed before the first of them was counted.
 *
 * <p>Called from the event loops, hence synchronized (the work inside is a few deque operations).
 * Kept in memory and bounded: past {@link #MAX_TRACKED} keys the least recently failed are
 * forgotten, so a sprayer of random addresses cannot grow it without end.
 */
public final class SignInThrottle {

    public static final int MAX_TRACKED = 100_000;

    private final int perAccount;
    private final int perAddress;
    private final Duration period;
    private final Failures accounts = new Failures();
    private final Failures addresses = new Failures();

    public SignInThrottle(int perAccount, int perAddress, Duration period) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.period = period;
    }

    /**
     * Five wrong passwords for one address in 15 minutes, or 50 from one client address (an office
     * behind one NAT address has room for its people's slips; a guesser does not).
     */
    public static SignInThrottle standard() {
        return new SignInThrottle(5, 50, Duration.ofMinutes(15));
    }

    /**
     * Begins a sign-in: how long it must wait, if its e-mail address or its client has failed too
     * often (and then nothing is counted); else empty, and the attempt counts as a failure until
     * {@link #succeeded} takes it back.
     */
    public synchronized Optional<Duration> begin(String email, String clientAddress, Instant now) {
        Optional<Duration> account = accounts.blockedFor(email, perAccount, period, now);
        Optional<Duration> client = addresses.blockedFor(clientAddress, perAddress, period, now);
        if (account.isPresent() || client.isPresent()) {
            return account.isEmpty() || client.isPresent() && client.get().compareTo(account.get()) > 0 ? client : account;
        }
        accounts.record(email, now);
        addresses.record(clientAddress, now);
        return Optional.empty();
    }

    /**
     * A right password: the account's slips are cleared, and this attempt no longer counts against
     * the client (its other failures do: it may be guessing at other accounts).
     */
    public synchronized void succeeded(String email, String clientAddress) {
        accounts.forget(email);
        addresses.takeBackLast(clientAddress);
    }

    private static final class Failures {

        private final Map<String, Deque<Instant>> byKey = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > MAX_TRACKED;
            }
        };

        Optional<Duration> blockedFor(String key, int limit, Duration period, Instant now) {
            Deque<Instant> recent = byKey.get(key);
            if (recent == null) {
                return Optional.empty();
            }
            Instant cutoff = now.minus(period);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
                recent.pollFirst();
            }
            if (recent.isEmpty()) {
                byKey.remove(key);
                return Optional.empty();
            }
            if (recent.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(cutoff, recent.peekFirst()).plusSeconds(1));
        }

        void record(String key, Instant at) {
            Deque<Instant> recent = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
            recent.addLast(at);
            // Only the last few matter for any limit in use; an address hammered all day stays small.
            while (recent.size() > 1_000) {
                recent.pollFirst();
            }
        }

        void forget(String key) {
            byKey.remove(key);
        }

        void takeBackLast(String key) {
            Deque<Instant> recent = byKey.get(key);
            if (recent != null) {
                recent.pollLast();
            }
        }
    }
}
