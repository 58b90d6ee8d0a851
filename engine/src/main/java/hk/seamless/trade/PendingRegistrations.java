package hk.seamless.trade;

import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many registrations wait for an admin, kept without scanning the accounts store on every
 * registration: counted once at start, then followed through the committed changes' audit events.
 * Fed by the registry writer, so a command on the writer sees every registration before it.
 */
public final class PendingRegistrations implements RegistryChangeListener {

    private final AtomicLong count = new AtomicLong();

    /** Counts the PENDING accounts in the store: at start, after any replay. */
    public PendingRegistrations recount(Stores stores) {
        long[] pending = {0};
        String statusField = "\"status\":\"" + AccountStatus.PENDING.name() + "\"";
        stores.store(StoreName.ACCOUNTS).forEach((id, json) -> {
            if (json.contains(statusField)) {
                pending[0]++;
            }
        });
        count.set(pending[0]);
        return this;
    }

    @Override
    public void onChange(RegistryChange change) {
        for (RegistryChange.AuditEvent event : change.events()) {
            switch (event.action()) {
                case "REGISTRATION_SUBMITTED" -> count.incrementAndGet();
                case "REGISTRATION_APPROVED", "REGISTRATION_REJECTED" -> count.decrementAndGet();
                default -> {}
            }
        }
    }

    public long count() {
        return count.get();
    }
}
