package hk.seamless.engine;

import hk.seamless.access.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The admin's bearer token: from configuration if given, else the one written at the first start
 * to {@code <data>/admin.token} (readable by the engine's user only), else a new one written there.
 * When the admin rotates its token through the API and the token lives in that file, the file is
 * rewritten, so that it keeps telling the operator the token in force.
 */
final class AdminToken {

    private AdminToken() {}

    static String resolve(String configured, Path dataDir) {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve("admin.token");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String token = Tokens.newToken("sl_");
            write(dataDir, token);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** Replaces the token in {@code <data>/admin.token}, owner-only, never half-written. */
    static void write(Path dataDir, String token) throws IOException {
        Path tmp = dataDir.resolve("admin.token.tmp");
        Files.deleteIfExists(tmp);
        // Created owner-only, so the token is never readable by others, not even for a moment.
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the folder's own permissions are what protect it.
            Files.createFile(tmp);
        }
        Files.writeString(tmp, token + "\n");
        Files.move(
                tmp,
                dataDir.resolve("admin.token"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
