package hk.seamless.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Portal passwords, hashed slowly (PBKDF2-HMAC-SHA256, 600,000 iterations as OWASP's password
 * storage guidance advises for it) with a salt each. It takes a good part of a second on purpose:
 * call it from {@link PasswordWork}, never from an event loop or the registry writer. A hash made
 * with fewer iterations (210,000 before) still verifies, and {@link #needsUpgrade} says it should
 * be made again at the next sign-in that proves the password.
 */
public final class PasswordHasher {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final int STANDARD_ITERATIONS = 600_000;

    private final int iterations;
    /** A hash of a password nobody knows: what an unknown e-mail's sign-in is checked against. */
    private volatile String decoy;

    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public static PasswordHasher standard() {
        return new PasswordHasher(STANDARD_ITERATIONS);
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True when the stored hash is weaker than this hasher makes them (fewer iterations, or unreadable). */
    public boolean needsUpgrade(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            return parts.length != 4 || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * The hash an unknown e-mail address (or an account without a password) is checked against, so
     * that its answer costs the same work, and takes the same time, as a known one's.
     */
    public String decoyHash() {
        String d = decoy;
        if (d == null) {
            d = hash(Tokens.newToken("decoy_"));
            decoy = d;
        }
        return d;
    }

    public boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }
}
