package hk.seamless.store;

/** Hears each committed registry change, in commit order, on the registry writer thread. */
@FunctionalInterface
public interface RegistryChangeListener {

    void onChange(RegistryChange change);
}
