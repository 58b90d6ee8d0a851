package hk.seamless.http;

import hk.seamless.config.EngineConfig;
import hk.seamless.engine.Engine;
import java.nio.file.Path;

/**
 * A real engine a test can stop and start again on the same port and data folder: a restart as
 * operators do one, which clients (a console, a gate) see as a dropped connection that comes back.
 */
final class RestartableEngine implements AutoCloseable {

    private final Path dataDir;
    private final TestClock clock;
    private Engine engine;
    private int port;

    private final java.util.function.UnaryOperator<EngineConfig> settings;

    RestartableEngine(Path dataDir, TestClock clock) {
        this(dataDir, clock, c -> c);
    }

    /** With settings of the test's own (no random selection, say), the same at every start. */
    RestartableEngine(Path dataDir, TestClock clock, java.util.function.UnaryOperator<EngineConfig> settings) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.settings = settings;
        start();
    }

    /** Starts on a free port the first time, on the same port after that. */
    void start() {
        engine = Engine.start(
                settings.apply(EngineConfig.defaults()
                        .withHttpPort(port)
                        .withDataDir(dataDir)
                        .withDailyConsignments(100)),
                clock);
        port = engine.port();
    }

    /** A clean stop: every socket closes; the data stays for the next start. */
    void stop() {
        engine.close();
        engine = null;
    }

    Engine engine() {
        return engine;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (engine != null) {
            stop();
        }
    }
}
