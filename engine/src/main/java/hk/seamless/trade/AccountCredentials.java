package hk.seamless.trade;

import hk.seamless.access.Role;
import hk.seamless.access.Tokens;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Accounts' API tokens: rotated (the old ones revoked, a new one shown once) and revoked, for
 * traders, staff and the admin alike; and the admin's token from configuration, which replaces
 * the admin's tokens when it changes rather than adding to them. Writes run on the registry writer.
 *
 * <p>The credentials store maps a token's hash to its account, so an account's tokens are found by
 * a scan. That is fine here: a rotation is a rare admin action, and the store holds a token or two
 * per account, not per request.
 */
public final class AccountCredentials {

    /**
     * Under this key the credentials store keeps the hash of the configured admin token last
     * honoured: not a SHA-256 hex string, so no token can ever look it up.
     */
    static final String CONFIGURED_ADMIN_TOKEN = "configured-admin-token";

    private final Stores stores;

    public AccountCredentials(Stores stores) {
        this.stores = stores;
    }

    /** A new token for the account, every earlier one revoked. Shown this once, kept as a hash. */
    public String rotate(Transaction tx, String accountId, String reason) {
        Account account = withCredentials(tx, accountId);
        int revoked = revokeAll(tx, account.id());
        String token = Tokens.newToken("sl_");
        tx.put(StoreName.CREDENTIALS, Tokens.hash(token), account.id());
        tx.audit("TOKEN_ROTATED", account.id(), revoked + " revoked: " + reason);
        return token;
    }

    /** Every API token of the account revoked; its portal password still signs in (if it has one). */
    public int revoke(Transaction tx, String accountId, String reason) {
        Account account = withCredentials(tx, accountId);
        if (account.role() == Role.ADMIN) {
            throw RuleViolation.conflict(
                    "the admin's token can be rotated, never only revoked: the desk would lock itself out");
        }
        int revoked = revokeAll(tx, account.id());
        tx.audit("TOKENS_REVOKED", account.id(), revoked + " revoked: " + reason);
        return revoked;
    }

    /**
     * The admin account exists from the first start. A configured token that differs from the one
     * honoured last time replaces every admin token (the old one stops working); the same one as
     * last time changes nothing, so a rotation made through the API since is kept.
     */
    /** @return whether the token was issued now (it was not the configured one in force before) */
    public boolean ensureAdmin(Transaction tx, String configuredToken) {
        if (tx.get(StoreName.ACCOUNTS, Accounts.ADMIN_ID) == null) {
            Account admin = new Account(
                    Accounts.ADMIN_ID,
                    Role.ADMIN,
                    "Administrator",
                    null,
                    null,
                    null,
                    AccountStatus.ACTIVE,
                    null,
                    tx.now(),
                    tx.now(),
                    "configuration");
            tx.put(StoreName.ACCOUNTS, Accounts.ADMIN_ID, admin);
            tx.audit("ADMIN_CREATED", Accounts.ADMIN_ID, "first start");
        }
        String hash = Tokens.hash(configuredToken);
        if (hash.equals(tx.get(StoreName.CREDENTIALS, CONFIGURED_ADMIN_TOKEN))) {
            return false;
        }
        int revoked = revokeAll(tx, Accounts.ADMIN_ID);
        tx.put(StoreName.CREDENTIALS, hash, Accounts.ADMIN_ID);
        tx.put(StoreName.CREDENTIALS, CONFIGURED_ADMIN_TOKEN, hash);
        tx.audit(
                "ADMIN_TOKEN_ISSUED",
                Accounts.ADMIN_ID,
                "from configuration; " + revoked + " earlier admin tokens revoked");
        return true;
    }

    private static Account withCredentials(Transaction tx, String accountId) {
        Account account = Accounts.existing(tx, accountId);
        if (account.status() == AccountStatus.PENDING || account.status() == AccountStatus.REJECTED) {
            throw RuleViolation.conflict("account " + accountId + " is " + account.status() + " and has no token");
        }
        return account;
    }

    private int revokeAll(Transaction tx, String accountId) {
        List<String> hashes = new ArrayList<>();
        stores.store(StoreName.CREDENTIALS).forEach((hash, owner) -> {
            if (owner.equals(accountId)) {
                hashes.add(hash);
            }
        });
        hashes.forEach(h -> tx.remove(StoreName.CREDENTIALS, h));
        return hashes.size();
    }
}
