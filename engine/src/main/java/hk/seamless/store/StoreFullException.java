package hk.seamless.store;

/**
 * One store could not take a command's writes (its off-heap map is full). The command alone is
 * refused: what it had written is undone and the journal records it as aborted, so the writer and
 * every other command go on. Answered as a 503, the way every "the registry cannot take this now" is.
 */
public final class StoreFullException extends StoreUnavailableException {

    private final StoreName store;

    public StoreFullException(StoreName store, Throwable cause) {
        super("the registry's " + store.name().toLowerCase() + " store is full", cause);
        this.store = store;
    }

    public StoreName store() {
        return store;
    }
}
