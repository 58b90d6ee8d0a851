package hk.seamless.trade;

import hk.seamless.access.Principal;
import hk.seamless.access.Session;
import hk.seamless.access.Tokens;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import hk.seamless.store.JsonCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Registrations, approvals, suspensions, credentials. The write methods run on the registry writer
 * inside a {@link Transaction}; the look-ups read the stores directly from any thread.
 */
public final class Accounts {

    public static final String ADMIN_ID = "admin";

    private final Stores stores;

    public Accounts(Stores stores) {
        this.stores = stores;
    }

    /** The result of an approval: the token is shown this once and kept only as a hash. */
    public record Approval(Account account, String token) {
    }

    /** @param passwordHash already hashed, off the writer thread (the hash is slow on purpose) */
    public Account register(Transaction tx, RegistrationRequest request, String passwordHash) {
        if (tx.get(StoreName.ACCOUNTS_BY_EMAIL, request.email()) != null) {
            throw RuleViolation.conflictOn("email", "an account with this e-mail address is already registered");
        }
        Account account = new Account(Tokens.newId("R"), request.role(), request.name(), request.email(),
                request.phone(), request.businessRegistrationNo(), AccountStatus.PENDING, passwordHash,
                tx.now(), null, null);
        tx.put(StoreName.ACCOUNTS, account.id(), account);
        tx.put(StoreName.ACCOUNTS_BY_EMAIL, account.email(), account.id());
        tx.audit("REGISTRATION_SUBMITTED", account.id(), account.role() + " " + account.email());
        return account;
    }

    public Approval approve(Transaction tx, String registrationId) {
        Account account = pending(tx, registrationId);
        Account approved = account.decided(AccountStatus.ACTIVE, tx.now(), tx.actor());
        String token = Tokens.newToken("sl_");
        tx.put(StoreName.ACCOUNTS, approved.id(), approved);
        tx.put(StoreName.CREDENTIALS, Tokens.hash(token), approved.id());
        tx.audit("REGISTRATION_APPROVED", approved.id(), approved.role().name());
        return new Approval(approved, token);
    }

    public Account reject(Transaction tx, String registrationId) {
        Account rejected = pending(tx, registrationId).decided(AccountStatus.REJECTED, tx.now(), tx.actor());
        tx.put(StoreName.ACCOUNTS, rejected.id(), rejected);
        // The address is freed so that the applicant can register again with it.
        tx.remove(StoreName.ACCOUNTS_BY_EMAIL, rejected.email());
        tx.audit("REGISTRATION_REJECTED", rejected.id(), rejected.role().name());
        return rejected;
    }

    public Account suspend(Transaction tx, String accountId) {
        Account account = tx.get(StoreName.ACCOUNTS, accountId, Account.class);
        if (account == null) {
            throw RuleViolation.notFound("no account " + accountId);
        }
        if (account.role() == Role.ADMIN) {
            throw RuleViolation.conflict("the admin account cannot be suspended");
        }
        if (account.status() != AccountStatus.ACTIVE) {
            throw RuleViolation.conflict("only an ACTIVE account can be suspended; this one is " + account.status());
        }
        Account suspended = account.decided(AccountStatus.SUSPENDED, tx.now(), tx.actor());
        tx.put(StoreName.ACCOUNTS, suspended.id(), suspended);
        tx.audit("ACCOUNT_SUSPENDED", suspended.id(), suspended.role().name());
        return suspended;
    }

    /** The admin account exists from the first start; a configured token is always honoured. */
    public void ensureAdmin(Transaction tx, String adminToken) {
        if (tx.get(StoreName.ACCOUNTS, ADMIN_ID) == null) {
            Account admin = new Account(ADMIN_ID, Role.ADMIN, "Administrator", null, null, null,
                    AccountStatus.ACTIVE, null, tx.now(), tx.now(), "configuration");
            tx.put(StoreName.ACCOUNTS, ADMIN_ID, admin);
            tx.audit("ADMIN_CREATED", ADMIN_ID, "first start");
        }
        String hash = Tokens.hash(adminToken);
        if (tx.get(StoreName.CREDENTIALS, hash) == null) {
            tx.put(StoreName.CREDENTIALS, hash, ADMIN_ID);
            tx.audit("ADMIN_TOKEN_ISSUED", ADMIN_ID, "from configuration");
        }
    }

    public String openSession(Transaction tx, String accountId, Duration lifetime) {
        String token = Tokens.newToken("ss_");
        tx.put(StoreName.SESSIONS, Tokens.hash(token), new Session(accountId, tx.now().plus(lifetime)));
        tx.audit("SESSION_OPENED", accountId, "");
        return token;
    }

    public void closeSession(Transaction tx, String sessionToken) {
        tx.remove(StoreName.SESSIONS, Tokens.hash(sessionToken));
    }

    private static Account pending(Transaction tx, String registrationId) {
        Account account = tx.get(StoreName.ACCOUNTS, registrationId, Account.class);
        if (account == null) {
            throw RuleViolation.notFound("no registration " + registrationId);
        }
        if (account.status() != AccountStatus.PENDING) {
            throw RuleViolation.conflict("registration " + registrationId + " is already " + account.status());
        }
        return account;
    }

    // ---- look-ups, from any thread ----

    public Optional<Account> find(String accountId) {
        String json = stores.store(StoreName.ACCOUNTS).get(accountId);
        return Optional.ofNullable(json).map(j -> JsonCodec.read(j, Account.class));
    }

    public Optional<Account> findByEmail(String email) {
        String id = stores.store(StoreName.ACCOUNTS_BY_EMAIL).get(email.toLowerCase(java.util.Locale.ROOT));
        return id == null ? Optional.empty() : find(id);
    }

    /** The account behind a bearer token, whatever its status (the caller decides what that means). */
    public Optional<Account> byToken(String token) {
        String id = stores.store(StoreName.CREDENTIALS).get(Tokens.hash(token));
        return id == null ? Optional.empty() : find(id);
    }

    public Optional<Account> bySession(String sessionToken, Instant now) {
        String json = stores.store(StoreName.SESSIONS).get(Tokens.hash(sessionToken));
        if (json == null) {
            return Optional.empty();
        }
        Session session = JsonCodec.read(json, Session.class);
        return session.expiresAt().isAfter(now) ? find(session.accountId()) : Optional.empty();
    }

    /**
     * Accounts in one status, oldest registration first: the admin works the PENDING queue in the
     * order people applied. A scan of the store: call it from a worker thread, never an event loop.
     */
    public List<Account> inStatus(AccountStatus status, int limit) {
        List<Account> result = new ArrayList<>();
        String statusField = "\"status\":\"" + status.name() + "\"";
        stores.store(StoreName.ACCOUNTS).forEach((key, json) -> {
            if (json.contains(statusField)) {
                Account a = JsonCodec.read(json, Account.class);
                if (a.status() == status) {
                    result.add(a);
                }
            }
        });
        result.sort(Comparator.comparing(Account::registeredAt).thenComparing(Account::id));
        return result.size() > limit ? result.subList(0, limit) : result;
    }

    public static Principal principal(Account account) {
        return new Principal(account.id(), account.role());
    }
}
