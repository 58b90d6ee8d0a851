package hk.seamless.trade;

import hk.seamless.store.ChangeLookup;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.KeyValueStore;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;

/**
 * Finished records (consignments crossed, cancelled or expired; bundles used or unbundled) that have
 * left the hot maps after the retention period. The registry log is the archive: the change that
 * moved a record out holds its last value in full, and the small index {@link StoreName#ARCHIVE_INDEX}
 * says which change that is. A look-up reads one log entry: slower than the hot maps, which is fine
 * for records nobody changes any more.
 */
public final class Archive {

    private static final String CONSIGNMENT = "consignment/";
    private static final String VERSION = "consignment-version/";
    private static final String BUNDLE = "bundle/";

    private final KeyValueStore index;
    private final ChangeLookup log;

    public Archive(Stores stores, ChangeLookup log) {
        this.index = stores.store(StoreName.ARCHIVE_INDEX);
        this.log = log;
    }

    /** Moves the consignment (current version) out of the hot map, into this change. */
    void moveConsignment(Transaction tx, Consignment consignment) {
        tx.put(StoreName.ARCHIVE_INDEX, CONSIGNMENT + consignment.ccrn(), consignment);
        tx.remove(StoreName.CONSIGNMENTS, consignment.ccrn());
    }

    /** Moves one superseded version out of the hot map, into this change. */
    void moveVersion(Transaction tx, String versionKey, Consignment version) {
        tx.put(StoreName.ARCHIVE_INDEX, VERSION + versionKey, version);
        tx.remove(StoreName.CONSIGNMENT_VERSIONS, versionKey);
    }

    void moveBundle(Transaction tx, Bundle bundle) {
        tx.put(StoreName.ARCHIVE_INDEX, BUNDLE + bundle.id(), bundle);
        tx.remove(StoreName.BUNDLES, bundle.id());
    }

    public Consignment consignment(String ccrn) {
        return find(CONSIGNMENT + ccrn, Consignment.class);
    }

    public Consignment version(String versionKey) {
        return find(VERSION + versionKey, Consignment.class);
    }

    public Bundle bundle(String bundleId) {
        return find(BUNDLE + bundleId, Bundle.class);
    }

    private <T> T find(String key, Class<T> type) {
        String sequence = index.get(key);
        if (sequence == null) {
            return null;
        }
        RegistryChange change = log.change(Long.parseLong(sequence)).orElse(null);
        if (change == null) {
            return null; // the log segment that held it was deleted after its own retention
        }
        for (RegistryChange.Write write : change.writes()) {
            if (write.store() == StoreName.ARCHIVE_INDEX && write.key().equals(key)) {
                return JsonCodec.read(write.value(), type);
            }
        }
        throw new IllegalStateException("the archive index points " + key + " to log entry " + sequence
                + ", which does not hold it: run verify-log");
    }
}
