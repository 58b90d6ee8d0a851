package hk.seamless.engine;

import hk.seamless.config.ConfigException;
import hk.seamless.config.ConfigLoader;
import hk.seamless.config.EngineConfig;

import java.nio.file.Path;
import java.time.Clock;

/** {@code java -jar seamless-engine.jar [--config FILE]}: starts with the embedded defaults. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        NoPhoneHome.ensure();
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("usage: java -jar seamless-engine.jar [--config FILE]\n"
                        + "Settings: see README.md (SEAMLESS_* environment variables override the file).");
                return;
            } else {
                System.err.println("unknown argument: " + args[i] + " (try --help)");
                System.exit(2);
            }
        }
        EngineConfig config;
        try {
            config = new ConfigLoader(System.getenv()).load(configFile);
        } catch (ConfigException e) {
            System.err.println("seamless: " + e.getMessage());
            System.exit(2);
            return;
        }
        Engine engine = Engine.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "seamless-shutdown"));
        if (config.adminToken() == null) {
            System.out.println("Admin token: " + config.dataDir().resolve("admin.token").toAbsolutePath());
        }
    }
}
