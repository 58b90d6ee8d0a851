package hk.seamless.trade;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.access.Session;
import hk.seamless.access.Tokens;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.DecodedRecords;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Registrations, approvals, staff accounts, suspensions and reinstatements, sessions. The write methods run on the registry writer
 * inside a {@link Transaction}; the look-ups read the stores directly from any thread.
 */
public final class Accounts {

    public static final String ADMIN_ID = "admin";

    private final Stores stores;
    /** Every request made with a token or a session reads its account: decoded once while unchanged. */
    private final DecodedRecords<Account> decoded =
            new DecodedRecords<>(4_096, json -> JsonCodec.read(json, Account.class));

    public Accounts(Stores stores) {
        this.stores = stores;
    }

    /** The result of an approval: the token is shown this once and kept only as a hash. */
    public record Approval(Account account, String token) {}

    /** @param passwordHash already hashed, off the writer thread (the hash is slow on purpose) */
    public Account register(Transaction tx, RegistrationRequest request, String passwordHash) {
        if (tx.get(StoreName.ACCOUNTS_BY_EMAIL, request.email()) != null) {
            throw RuleViolation.conflictOn("email", "an account with this e-mail address is already registered");
        }
        Account account = new Account(
                Tokens.newId("R"),
                request.role(),
                request.name(),
                request.email(),
                request.phone(),
                request.businessRegistrationNo(),
                AccountStatus.PENDING,
                passwordHash,
                tx.now(),
                null,
                null);
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

    /**
     * A staff account (OFFICER, SUPERVISOR), made ACTIVE by the admin at once: staff never come
     * through the public registration. Its token is shown this once and kept only as a hash.
     *
     * @param passwordHash already hashed, off the writer thread
     */
    public Approval createStaff(Transaction tx, RegistrationRequest request, String passwordHash) {
        if (!request.role().isStaff()) {
            throw new InvalidInputException(List.of(new FieldError("role", "must be OFFICER or SUPERVISOR")));
        }
        if (tx.get(StoreName.ACCOUNTS_BY_EMAIL, request.email()) != null) {
            throw RuleViolation.conflictOn("email", "an account with this e-mail address is already registered");
        }
        Account account = new Account(
                Tokens.newId("R"),
                request.role(),
                request.name(),
                request.email(),
                request.phone(),
                null,
                AccountStatus.ACTIVE,
                passwordHash,
                tx.now(),
                tx.now(),
                tx.actor());
        String token = Tokens.newToken("sl_");
        tx.put(StoreName.ACCOUNTS, account.id(), account);
        tx.put(StoreName.ACCOUNTS_BY_EMAIL, account.email(), account.id());
        tx.put(StoreName.CREDENTIALS, Tokens.hash(token), account.id());
        tx.audit("STAFF_ACCOUNT_CREATED", account.id(), account.role() + " " + account.email());
        return new Approval(account, token);
    }

    /** Refused everywhere from the next request on: authentication reads the status every time. */
    public Account suspend(Transaction tx, String accountId, String reason) {
        Account account = existing(tx, accountId);
        if (account.role() == Role.ADMIN) {
            throw RuleViolation.conflict("the admin account cannot be suspended");
        }
        if (account.status() != AccountStatus.ACTIVE) {
            throw RuleViolation.conflict("only an ACTIVE account can be suspended; this one is " + account.status());
        }
        Account suspended = account.decided(AccountStatus.SUSPENDED, tx.now(), tx.actor(), reason);
        tx.put(StoreName.ACCOUNTS, suspended.id(), suspended);
        tx.audit("ACCOUNT_SUSPENDED", suspended.id(), suspended.role() + ": " + reason);
        return suspended;
    }

    /** A suspended account ACTIVE again, with the same tokens and password it had. */
    public Account reinstate(Transaction tx, String accountId, String reason) {
        Account account = existing(tx, accountId);
        if (account.status() != AccountStatus.SUSPENDED) {
            throw RuleViolation.conflict("only a SUSPENDED account can be reinstated; this one is " + account.status());
        }
        Account active = account.decided(AccountStatus.ACTIVE, tx.now(), tx.actor(), reason);
        tx.put(StoreName.ACCOUNTS, active.id(), active);
        tx.audit("ACCOUNT_REINSTATED", active.id(), active.role() + ": " + reason);
        return active;
    }

    /** A stronger hash of the same password, written after a sign-in that proved it. */
    public void upgradePasswordHash(Transaction tx, String accountId, String expectedOldHash, String newHash) {
        Account account = tx.get(StoreName.ACCOUNTS, accountId, Account.class);
        // Changed meanwhile (another sign-in upgraded it first): nothing to do.
        if (account != null && expectedOldHash.equals(account.passwordHash())) {
            tx.put(StoreName.ACCOUNTS, accountId, account.withPasswordHash(newHash));
            tx.audit("PASSWORD_HASH_UPGRADED", accountId, "");
        }
    }

    static Account existing(Transaction tx, String accountId) {
        Account account = tx.get(StoreName.ACCOUNTS, accountId, Account.class);
        if (account == null) {
            throw RuleViolation.notFound("no account " + accountId);
        }
        return account;
    }

    public String openSession(Transaction tx, String accountId, Duration lifetime) {
        String token = Tokens.newToken("ss_");
        tx.put(
                StoreName.SESSIONS,
                Tokens.hash(token),
                new Session(accountId, tx.now().plus(lifetime)));
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
        return Optional.ofNullable(
                decoded.decode(accountId, stores.store(StoreName.ACCOUNTS).get(accountId)));
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

    /**
     * The admin's list of accounts: optionally one role and one status, oldest registration first,
     * at most {@code limit}. A scan of the store: call it from a worker thread, never an event loop.
     */
    public List<Account> list(Role role, AccountStatus status, int limit) {
        List<Account> result = new ArrayList<>();
        stores.store(StoreName.ACCOUNTS).forEach((key, json) -> {
            Account a = JsonCodec.read(json, Account.class);
            if ((role == null || a.role() == role) && (status == null || a.status() == status)) {
                result.add(a);
            }
        });
        result.sort(Comparator.comparing(Account::registeredAt).thenComparing(Account::id));
        return result.size() > limit ? result.subList(0, limit) : result;
    }

    public static Principal principal(Account account) {
        return new Principal(account.id(), account.role());
    }
}
