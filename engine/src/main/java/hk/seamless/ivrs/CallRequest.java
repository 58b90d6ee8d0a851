package hk.seamless.ivrs;

/**
 * One callback of the voice platform, whatever its wire form.
 *
 * @param callSid the platform's id of the call; null when it did not send one
 * @param from    the caller's number, as the platform gives it (may be null)
 * @param digits  the keys pressed, null when none were sent (a first callback, or a gather that timed out)
 * @param step    the step the callback answers (from the action URL), null when the platform did not echo it
 * @param ended   the platform reports the call as over (a status callback: completed, busy, failed...)
 */
public record CallRequest(String callSid, String from, String digits, Integer step, boolean ended) {

    public static CallRequest of(String callSid, String from, String digits, Integer step) {
        return new CallRequest(callSid, from, digits, step, false);
    }
}
