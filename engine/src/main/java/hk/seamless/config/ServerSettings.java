package hk.seamless.config;

import java.nio.file.Path;
import java.util.Set;

/**
 * Where this engine listens, where it keeps its data, and the admin token that opens it: what an
 * operator sets to put one engine process on one machine, as opposed to the rules it applies.
 *
 * @param httpHost   the address the HTTP server binds
 * @param httpPort   its port; 0: a free port chosen at the start (tests). The port listened on is
 *                   written to {@code dataDir/http.port}
 * @param dataDir    the folder of the stores, the logs and the generated admin token
 * @param adminToken the admin's bearer token; null: the one in {@code dataDir/admin.token}, generated
 *                   there on the first start
 */
public record ServerSettings(String httpHost, int httpPort, Path dataDir, String adminToken) {

    public static ServerSettings defaults() {
        return new ServerSettings("0.0.0.0", 8080, Path.of("data"), null);
    }

    public ServerSettings withHttpPort(int port) {
        return new ServerSettings(httpHost, port, dataDir, adminToken);
    }

    public ServerSettings withDataDir(Path dir) {
        return new ServerSettings(httpHost, httpPort, dir, adminToken);
    }

    public ServerSettings withAdminToken(String token) {
        return new ServerSettings(httpHost, httpPort, dataDir, token);
    }

    /** The admin token is never printed. */
    @Override
    public String toString() {
        return RedactedText.of(this, Set.of("adminToken"));
    }
}
