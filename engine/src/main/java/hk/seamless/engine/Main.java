package hk.seamless.engine;

import hk.seamless.config.ConfigException;
import hk.seamless.config.ConfigLoader;
import hk.seamless.config.EngineConfig;
import hk.seamless.store.NoPhoneHome;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code java -jar seamless-engine.jar [--config FILE]}: starts with the embedded defaults;
 * {@code verify-log --data DIR} checks the logs of a data folder instead ({@link VerifyLogCommand});
 * {@code training-start} starts and stops once, to make a class-data archive ({@link TrainingStartCommand}).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        NoPhoneHome.ensure();
        if (args.length > 0 && args[0].equals("verify-log")) {
            System.exit(
                    VerifyLogCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (args.length == 1 && args[0].equals("training-start")) {
            System.exit(TrainingStartCommand.run(System.out, System.err));
            return;
        }
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("usage: java -jar seamless-engine.jar [--config FILE]\n"
                        + "       java -jar seamless-engine.jar verify-log --data DIR\n"
                        + "       java -XX:ArchiveClassesAtExit=FILE -jar seamless-engine.jar training-start\n"
                        + "Settings: see README.md (SEAMLESS_* environment variables override the file).");
                return;
            } else {
                System.err.println("unknown argument: " + args[i] + " (try --help)");
                System.exit(2);
            }
        }
        EngineConfig config;
        ConfigLoader loader = new ConfigLoader(System.getenv());
        try {
            config = loader.load(configFile);
        } catch (ConfigException e) {
            System.err.println("seamless: " + e.getMessage());
            System.exit(2);
            return;
        }
        for (String unread : loader.unreadVariables()) {
            org.slf4j.LoggerFactory.getLogger(Main.class)
                    .warn("{} is not a setting and is ignored (see the settings table in README.md)", unread);
        }
        Engine engine;
        try {
            engine = Engine.start(config, Clock.systemUTC());
        } catch (StartFailure e) {
            // Said once, in the log and plainly: the operator has a setting to change, not a bug to report.
            org.slf4j.LoggerFactory.getLogger(Main.class).error("The engine did not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "seamless-shutdown"));
        if (config.server().adminToken() == null) {
            // Through the log, not println: with SEAMLESS_LOG_FORMAT=json every line must be JSON.
            org.slf4j.LoggerFactory.getLogger(Main.class)
                    .info(
                            "Admin token: {}",
                            config.server().dataDir().resolve("admin.token").toAbsolutePath());
        }
    }
}
