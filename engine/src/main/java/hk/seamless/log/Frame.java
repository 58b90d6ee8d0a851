package hk.seamless.log;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32C;

/**
 * One entry on disk: {@code [length:int][crc32c:int][sequence:long][appendedAtMillis:long]
 * [previousHash:32][payload]}. The length is the payload's; the CRC covers everything after it,
 * so a torn or flipped frame is found by its checksum. The hash chain makes an edit that also fixes
 * the CRC visible: each entry names the hash of the one before it, SHA-256(previousHash ‖ sequence
 * ‖ appendedAtMillis ‖ payload), and the log's first entry chains from 32 zero bytes.
 */
final class Frame {

    static final int HASH = 32;
    static final int HEADER = 4 + 4 + 8 + 8 + HASH;
    /** Larger than any registry transaction (a 20,000-row batch of 1.4 kB rows is 28 MB). */
    static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    static final byte[] ZERO_HASH = new byte[HASH];

    private Frame() {}

    static void checkPayload(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("log entry of " + payload.length + " bytes");
        }
    }

    /** Puts one whole frame into {@code out}. */
    static void put(ByteBuffer out, long sequence, long atMillis, byte[] previousHash, byte[] payload) {
        out.putInt(payload.length)
                .putInt(crc(sequence, atMillis, previousHash, payload))
                .putLong(sequence)
                .putLong(atMillis)
                .put(previousHash)
                .put(payload);
    }

    static int crc(long sequence, long atMillis, byte[] previousHash, byte[] payload) {
        CRC32C crc = new CRC32C();
        ByteBuffer numbers =
                ByteBuffer.allocate(16).putLong(sequence).putLong(atMillis).flip();
        crc.update(numbers);
        crc.update(previousHash);
        crc.update(payload);
        return (int) crc.getValue();
    }

    static byte[] hash(MessageDigest sha, byte[] previousHash, long sequence, long atMillis, byte[] payload) {
        sha.reset();
        sha.update(previousHash);
        sha.update(ByteBuffer.allocate(16).putLong(sequence).putLong(atMillis).array());
        sha.update(payload);
        return sha.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
