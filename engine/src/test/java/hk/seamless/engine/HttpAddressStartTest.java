package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.EngineConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An address the engine cannot listen on stops the start in one line naming the setting to change. */
class HttpAddressStartTest {

    @TempDir
    Path dir;

    @Test
    void anAddressThatIsNotThisMachinesIsNamedAsTheAddressNotThePort() {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): documentation only, never a machine's own address.
        EngineConfig config = new ConfigLoader(Map.of(
                        "SEAMLESS_HTTP_HOST", "192.0.2.1",
                        "SEAMLESS_HTTP_PORT", "0",
                        "SEAMLESS_DATA_DIR", dir.resolve("data").toString()))
                .load(null)
                .withDailyConsignments(100);
        StartFailure refused = assertThrows(StartFailure.class, () -> Engine.start(config, Clock.systemUTC()));
        assertTrue(refused.getMessage().contains("192.0.2.1 is not an address of this machine"), refused.getMessage());
        assertTrue(refused.getMessage().contains("SEAMLESS_HTTP_HOST"), refused.getMessage());
    }
}
