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

    /** How long this sign-in must wait, if its e-mail address or its client has failed too often. */
    public synchronized Optional<Duration> blockedFor(String email, String clientAddress, Instant now) {
        Optional<Duration> account = accounts.blockedFor(email, perAccount, period, now);
        Optional<Duration> client = addresses.blockedFor(clientAddress, perAddress, period, now);
        if (account.isEmpty()) {
            return client;
        }
        return client.isEmpty() || account.get().compareTo(client.get()) >= 0 ? account : client;
    }

    public synchronized void failed(String email, String clientAddress, Instant at) {
        accounts.record(email, at);
        addresses.record(clientAddress, at);
    }

    /** A right password clears the account's slips (not the client's: it may be guessing others). */
    public synchronized void succeeded(String email) {
        accounts.forget(email);
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
    }
}
