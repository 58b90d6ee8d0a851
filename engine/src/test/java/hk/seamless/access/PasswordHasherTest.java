package hk.seamless.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void theStandardIsOwaspsFigureForPbkdf2Sha256() {
        assertTrue(PasswordHasher.standard().hash("harbour lights at dusk").startsWith("pbkdf2-sha256$600000$"));
    }

    @Test
    void anOlderWeakerHashStillVerifiesAndAsksToBeUpgraded() {
        String old = new PasswordHasher(210_000).hash("harbour lights at dusk");
        PasswordHasher standard = PasswordHasher.standard();
        assertTrue(standard.matches("harbour lights at dusk", old));
        assertFalse(standard.matches("harbour lights at dawn", old));
        assertTrue(standard.needsUpgrade(old));
        assertFalse(standard.needsUpgrade(standard.hash("harbour lights at dusk")));
        assertTrue(standard.needsUpgrade("not-a-hash"));
    }

    @Test
    void theDecoyMatchesNothingAnyoneTypes() {
        PasswordHasher hasher = new PasswordHasher(1_000);
        assertFalse(hasher.matches("harbour lights at dusk", hasher.decoyHash()));
        assertTrue(hasher.decoyHash().startsWith("pbkdf2-sha256$1000$"));
    }
}
