package hk.seamless.lanesim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The run's options for lane devices the engine drives itself (LLRP readers, Modbus gates), which
 * the run emulates where the engine's settings file says. A mixin of {@link RunCommand}.
 */
final class DeviceOptions {

    @Option(
            names = "--devices",
            split = ",",
            paramLabel = "llrp,modbus",
            description =
                    "Lane devices the engine drives itself, emulated here where --device-config says: llrp, each lane's "
                            + "tags are reported by an emulated LLRP reader (RO_ACCESS_REPORTs) instead of posted; modbus, each lane's "
                            + "boom is an emulated Modbus TCP gate (the engine writes its coil; its loop sees each truck while it is "
                            + "under the boom; its limit switches take 100 ms to move): the trucks drive over it, decisions are heard "
                            + "on the lane stream (needs --transport ws), and the run also checks that no boom rose without a RELEASE "
                            + "for the truck under it and none came down on a truck. With modbus the mix keeps only arrivals with a tag, "
                            + "no gate drops and no late frames (their shares go to ontime): one truck at a time on a loop, gone "
                            + "when it leaves it.")
    List<String> devices;

    @Option(
            names = "--device-config",
            paramLabel = "FILE",
            description =
                    "The engine settings file the engine was started with (--config FILE), as devices-config writes it: "
                            + "where each lane's reader and gate are, so the emulators listen there.")
    Path deviceConfig;

    /** The kinds of device named (none, llrp, modbus); refused without the settings file that wires them. */
    Set<String> kinds() {
        Set<String> kinds = DeviceLanes.kinds(devices);
        if (!kinds.isEmpty() && deviceConfig == null) {
            throw new IllegalArgumentException(
                    "--devices needs --device-config FILE, the settings file the engine was started with");
        }
        return kinds;
    }

    /** Where each lane's emulated devices listen, from the settings file; none without devices. */
    Map<String, DeviceLanes.Wiring> wiring(Set<String> kinds) throws java.io.IOException {
        return kinds.isEmpty() ? Map.of() : DeviceLanes.parse(Files.readString(deviceConfig));
    }
}
