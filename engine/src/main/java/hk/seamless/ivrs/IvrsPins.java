package hk.seamless.ivrs;

import hk.seamless.rules.InvalidInputException;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * Phone PINs and IVRS account numbers. An account id is not keypad-friendly, so each trucker gets an
 * 8-digit number when it first sets a PIN, kept with the PIN and indexed as {@code number:<n>} in the
 * same store. Five wrong PINs in a row lock phone access for the account for 15 minutes. The write
 * methods run on the registry writer; the look-ups read the store from any thread.
 */
public final class IvrsPins {

    public static final int MIN_PIN_DIGITS = 6;
    public static final int MAX_PIN_DIGITS = 8;
    public static final int ACCOUNT_NUMBER_DIGITS = 8;
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);

    private static final String NUMBER_PREFIX = "number:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Stores stores;

    public IvrsPins(Stores stores) {
        this.stores = stores;
    }

    /**
     * Refuses a PIN that is not 6 to 8 digits, or is easy to guess: one digit repeated, or a run up
     * or down ("123456", "987654", also across 9-0 as in "890123").
     *
     * @throws InvalidInputException naming {@code pin}
     */
    public static String checkPin(Object value) {
        if (!(value instanceof String pin)) {
            throw new InvalidInputException("pin", value == null ? "is required" : "must be a string of 6 to 8 digits");
        }
        if (pin.length() < MIN_PIN_DIGITS
                || pin.length() > MAX_PIN_DIGITS
                || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("pin", "must be 6 to 8 digits");
        }
        if (pin.chars().distinct().count() == 1) {
            throw new InvalidInputException("pin", "must not be one digit repeated");
        }
        if (isRun(pin, 1) || isRun(pin, 9)) {
            throw new InvalidInputException("pin", "must not be a run of digits up or down, such as 123456");
        }
        return pin;
    }

    private static boolean isRun(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if ((pin.charAt(i - 1) - '0' + step) % 10 != pin.charAt(i) - '0') {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets the PIN (already hashed, off the writer thread); the account keeps its number, or gets
     * one. A new PIN clears wrong attempts and any lock: only the account's owner can set it.
     *
     * @return the account's IVRS account number
     */
    public String set(Transaction tx, String accountId, String pinHash) {
        IvrsPin existing = tx.get(StoreName.IVRS_PINS, accountId, IvrsPin.class);
        String number = existing != null ? existing.number() : newNumber(tx);
        tx.put(StoreName.IVRS_PINS, accountId, new IvrsPin(number, pinHash, 0, null));
        tx.put(StoreName.IVRS_PINS, NUMBER_PREFIX + number, accountId);
        tx.audit("IVRS_PIN_SET", accountId, "IVRS account number " + number);
        return number;
    }

    private static String newNumber(Transaction tx) {
        while (true) {
            String candidate = Integer.toString(10_000_000 + RANDOM.nextInt(90_000_000));
            if (tx.get(StoreName.IVRS_PINS, NUMBER_PREFIX + candidate) == null) {
                return candidate;
            }
        }
    }

    /** What one PIN attempt came to, decided on the writer. */
    public enum Attempt {
        RIGHT,
        WRONG,
        LOCKED
    }

    /**
     * Records an attempt whose PIN was compared (slowly) against {@code checkedHash}: a right one
     * clears the count, a wrong one adds to it, and the fifth locks the account. An attempt against
     * a PIN that has changed meanwhile counts for nothing and is refused.
     */
    public Attempt record(Transaction tx, String accountId, String checkedHash, boolean matched) {
        IvrsPin pin = tx.get(StoreName.IVRS_PINS, accountId, IvrsPin.class);
        if (pin == null || !pin.hash().equals(checkedHash)) {
            return Attempt.WRONG;
        }
        if (pin.lockedAt(tx.now())) {
            return Attempt.LOCKED;
        }
        if (matched) {
            if (pin.failures() != 0 || pin.lockedUntil() != null) {
                tx.put(StoreName.IVRS_PINS, accountId, new IvrsPin(pin.number(), pin.hash(), 0, null));
            }
            return Attempt.RIGHT;
        }
        int failures = pin.failures() + 1;
        if (failures >= MAX_FAILURES) {
            Instant until = tx.now().plus(LOCK);
            tx.put(StoreName.IVRS_PINS, accountId, new IvrsPin(pin.number(), pin.hash(), 0, until));
            tx.audit("IVRS_LOCKED", accountId, failures + " wrong PINs; locked until " + until);
            return Attempt.LOCKED;
        }
        tx.put(StoreName.IVRS_PINS, accountId, new IvrsPin(pin.number(), pin.hash(), failures, null));
        tx.audit("IVRS_PIN_WRONG", accountId, "wrong PIN " + failures + " of " + MAX_FAILURES);
        return Attempt.WRONG;
    }

    // ---- look-ups, from any thread ----

    public String accountFor(String number) {
        return stores.store(StoreName.IVRS_PINS).get(NUMBER_PREFIX + number);
    }

    public IvrsPin find(String accountId) {
        String json = stores.store(StoreName.IVRS_PINS).get(accountId);
        return json == null ? null : JsonCodec.read(json, IvrsPin.class);
    }
}
