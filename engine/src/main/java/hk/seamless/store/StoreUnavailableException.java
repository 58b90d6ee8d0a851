package hk.seamless.store;

/** The registry cannot take writes now (journal failed, engine stopping): a 503, never a guess. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
