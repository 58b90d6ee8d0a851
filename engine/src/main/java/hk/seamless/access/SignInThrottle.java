package hk.seamless.access;

import java.time.Duration;
import java.time.Instant;
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
 * Kept in memory and bounded ({@link RecentFailures#MAX_TRACKED}).
 */
public final class SignInThrottle {

    private final int perAccount;
    private final int perAddress;
    private final Duration period;
    private final RecentFailures accounts = new RecentFailures();
    private final RecentFailures addresses = new RecentFailures();

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
            return account.isEmpty() || client.isPresent() && client.get().compareTo(account.get()) > 0
                    ? client
                    : account;
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
}
