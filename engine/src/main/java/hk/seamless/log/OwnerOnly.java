package hk.seamless.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data folder holds password hashes, token hashes and the cargo information of every trader:
 * its folders and files are for the engine's own user only (rwx------ and rw-------), whatever the
 * process's umask. Applied at creation and again at every start, so a folder made by an older
 * version is tightened too.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates the folder (and missing parents) if need be, and makes it the owner's only. */
    public static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, FOLDER);
        return dir;
    }

    /** Makes an existing file the owner's only. */
    public static Path file(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, FILE);
        }
        return file;
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system (Windows): the folder's access list is what protects it there.
        }
    }
}
