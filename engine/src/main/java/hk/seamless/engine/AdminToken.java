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
 */
final class AdminToken {

    private AdminToken() {
    }

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
            Path tmp = dataDir.resolve("admin.token.tmp");
            Files.writeString(tmp, token + "\n");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the folder's own permissions are what protect it.
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
