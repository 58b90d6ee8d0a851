package hk.seamless.ivrs;

/**
 * Keys the platform collects before it calls back: at most {@code numDigits}, ended early by
 * {@code finishOnKey}, given up after {@code timeoutSeconds} of silence (then it calls back with no digits).
 */
public record Gather(int numDigits, String finishOnKey, int timeoutSeconds) {

    static final Gather ONE_KEY = new Gather(1, "#", 8);
    static final Gather ACCOUNT_NUMBER = new Gather(IvrsPins.ACCOUNT_NUMBER_DIGITS, "#", 12);
    static final Gather PIN = new Gather(IvrsPins.MAX_PIN_DIGITS, "#", 12);
    /** Sixteen digits and the hash, or a star: never cut off at sixteen, so the hash is not left over. */
    static final Gather CCRN = new Gather(17, "#", 20);
}
