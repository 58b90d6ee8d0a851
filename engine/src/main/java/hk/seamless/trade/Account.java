package hk.seamless.trade;

import java.time.Instant;

/**
 * A registered user of Seamless. The registration and the account are one record: its id is given at
 * registration and stays the account id after approval.
 *
 * @param passwordHash a slow hash ({@link hk.seamless.access.PasswordHasher}), null when the account
 *                     uses API tokens only
 */
public record Account(String id, Role role, String name, String email, String phone,
                      String businessRegistrationNo, AccountStatus status, String passwordHash,
                      Instant registeredAt, Instant decidedAt, String decidedBy) {

    public Account decided(AccountStatus newStatus, Instant at, String by) {
        return new Account(id, role, name, email, phone, businessRegistrationNo, newStatus, passwordHash,
                registeredAt, at, by);
    }
}
