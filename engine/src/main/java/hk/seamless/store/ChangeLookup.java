package hk.seamless.store;

import java.util.Optional;

/**
 * Reads one registry change back from the log by its sequence. How the archive answers for a record
 * that has left the hot maps: the change that archived it holds its last value in full.
 */
@FunctionalInterface
public interface ChangeLookup {

    /** The change with this sequence, or empty when the log no longer holds it (its segment was deleted). */
    Optional<RegistryChange> change(long sequence);
}
