package hk.seamless.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertTrue(PasswordPolicy.isCommon("password123"));
        assertTrue(PasswordPolicy.isCommon("Password123"));
        assertTrue(PasswordPolicy.isCommon("qwertyuiop"));
        assertTrue(PasswordPolicy.isCommon("1q2w3e4r5t"));
        assertTrue(PasswordPolicy.problem("1234567890").orElseThrow().contains("most common"));
        assertFalse(PasswordPolicy.isCommon("harbour lights at dusk"));
        assertEquals(java.util.Optional.empty(), PasswordPolicy.problem("harbour lights at dusk"));
    }

    @Test
    void lengthIsCheckedFirst() {
        assertTrue(PasswordPolicy.problem("short").orElseThrow().contains("10 to 200"));
        assertTrue(PasswordPolicy.problem("x".repeat(201)).orElseThrow().contains("10 to 200"));
    }
}
