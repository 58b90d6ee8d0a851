package hk.seamless.trade;

import hk.seamless.access.Role;
import java.time.Instant;

/**
 * A registered user of Seamless. The registration and the account are one record: its id is given at
 * registration and stays the account id after approval.
 *
 * @param passwordHash a slow hash ({@link hk.seamless.access.PasswordHasher}), null when the account
 *                     uses API tokens only
 * @param statusReason why the admin last changed the status (a suspension's reason), null if none given
 */
public record Account(
        String id,
        Role role,
        String name,
        String email,
        String phone,
        String businessRegistrationNo,
        AccountStatus status,
        String passwordHash,
        Instant registeredAt,
        Instant decidedAt,
        String decidedBy,
        String statusReason) {

    public Account(
            String id,
            Role role,
            String name,
            String email,
            String phone,
            String businessRegistrationNo,
            AccountStatus status,
            String passwordHash,
            Instant registeredAt,
            Instant decidedAt,
            String decidedBy) {
        this(
                id,
                role,
                name,
                email,
                phone,
                businessRegistrationNo,
                status,
                passwordHash,
                registeredAt,
                decidedAt,
                decidedBy,
                null);
    }

    public Account decided(AccountStatus newStatus, Instant at, String by) {
        return decided(newStatus, at, by, null);
    }

    public Account decided(AccountStatus newStatus, Instant at, String by, String reason) {
        return new Account(
                id,
                role,
                name,
                email,
                phone,
                businessRegistrationNo,
                newStatus,
                passwordHash,
                registeredAt,
                at,
                by,
                reason);
    }

    /** The same account with its password hashed again (stronger parameters), nothing else changed. */
    public Account withPasswordHash(String newHash) {
        return new Account(
                id,
                role,
                name,
                email,
                phone,
                businessRegistrationNo,
                status,
                newHash,
                registeredAt,
                decidedAt,
                decidedBy,
                statusReason);
    }
}
