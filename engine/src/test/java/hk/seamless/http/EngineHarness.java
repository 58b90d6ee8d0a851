package hk.seamless.http;

import hk.seamless.config.EngineConfig;
import hk.seamless.engine.Engine;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real engine per test class, on loopback with a random port, data in a temporary folder, and
 * a clock the tests move by hand. Each test uses fresh accounts, so tests do not see each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineHarness {

    /** 10:00 on 17 November 2026, Hong Kong time: the clock's start for every test. */
    static final Instant START = TestClock.hongKong(2026, 11, 17, 10, 0, 0);

    protected final TestClock clock = new TestClock(START);
    protected Engine engine;
    protected TradeApiClient api;
    /** The engine's data folder: its logs and maps, for tests that look at what reached the disk. */
    protected Path dataDir;

    @BeforeAll
    void startEngine(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        engine = Engine.start(
                configure(EngineConfig.defaults()
                        .withHttpPort(0)
                        .withDataDir(dataDir)
                        .withDailyConsignments(100)),
                clock);
        api = new TradeApiClient(engine.port(), engine.adminToken());
    }

    /** A test class that needs other settings (short timeouts, say) changes them here. */
    protected EngineConfig configure(EngineConfig config) {
        return config;
    }

    @AfterAll
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    protected LocalDate today() {
        return clock.hongKongToday();
    }
}
