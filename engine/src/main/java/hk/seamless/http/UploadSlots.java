package hk.seamless.http;

import hk.seamless.config.HttpLimits;
import java.util.HashMap;
import java.util.Map;

/**
 * How many batch files the engine receives and processes at once, in all and per account: each
 * may hold 10 MiB of memory, so a caller who opens many at a time is told to wait (429 for one
 * account's own excess, 503 when the engine as a whole is full) instead of being held.
 */
public final class UploadSlots {

    private static final long RETRY_AFTER_SECONDS = 5;

    private final int total;
    private final int perAccount;
    private final Map<String, Integer> byAccount = new HashMap<>();
    private int inFlight;

    public UploadSlots(HttpLimits limits) {
        this.total = limits.uploadsInFlight();
        this.perAccount = limits.uploadsPerAccount();
    }

    /**
     * Takes a slot for {@code accountId}.
     *
     * @return what gives the slot back; call it once, when the upload is answered or abandoned
     * @throws HttpProblem 429 or 503 with a Retry-After when no slot is free
     */
    public synchronized Runnable take(String accountId) {
        int mine = byAccount.getOrDefault(accountId, 0);
        if (mine >= perAccount) {
            throw new HttpProblem(
                    429,
                    "Too many uploads",
                    "this account already has " + mine
                            + " batch files being lodged; wait for their answers and send again");
        }
        if (inFlight >= total) {
            throw new HttpProblem(
                    503,
                    "Unavailable",
                    "the engine is receiving as many batch files as it takes at once;" + " send again shortly");
        }
        byAccount.put(accountId, mine + 1);
        inFlight++;
        boolean[] given = {false};
        return () -> {
            synchronized (this) {
                if (!given[0]) {
                    given[0] = true;
                    inFlight--;
                    byAccount.computeIfPresent(accountId, (k, n) -> n <= 1 ? null : n - 1);
                }
            }
        };
    }

    static long retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
