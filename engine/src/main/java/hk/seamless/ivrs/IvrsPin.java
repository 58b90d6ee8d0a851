package hk.seamless.ivrs;

import java.time.Instant;

/**
 * A trucker's phone access, kept in IVRS_PINS under the account id: the 8-digit number keyed on the
 * phone, the PIN's slow hash (never the PIN), wrong PINs since the last right one, and the lock.
 */
public record IvrsPin(String number, String hash, int failures, Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
