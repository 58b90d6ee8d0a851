package hk.seamless.store;

/** Where the named stores are found; the registry and the lane side both read through it. */
@FunctionalInterface
public interface Stores {

    KeyValueStore store(StoreName name);

    /** Writes every store's changes through to its file (before a checkpoint); nothing for stores in memory. */
    default void force() {}
}
