package hk.seamless.engine;

import java.io.File;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * The control for {@link NoCallOutTest}: a program that opens a persisted Chronicle Map the way
 * the engine does, but without switching analytics off. If the trap sees nothing from this one
 * either, the test cannot tell a quiet engine from a blind trap.
 */
public final class ChronicleWithoutTheSwitch {

    private ChronicleWithoutTheSwitch() {}

    public static void main(String[] args) throws Exception {
        try (ChronicleMap<String, String> map = ChronicleMap.of(String.class, String.class)
                .entries(1_000)
                .averageKeySize(16)
                .averageValueSize(64)
                .createPersistedTo(new File(args[0]))) {
            map.put("k", "v");
            Thread.sleep(Long.parseLong(args[1]));
        }
    }
}
