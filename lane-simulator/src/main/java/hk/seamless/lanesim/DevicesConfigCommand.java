package hk.seamless.lanesim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the engine settings file that wires its lanes to the simulator's emulated devices. */
@Command(
        name = "devices-config",
        mixinStandardHelpOptions = true,
        description = {
            "Writes an engine settings file (--config FILE of the engine) whose controlPoints are one control point, SIM, "
                    + "with --lanes lanes (half IMPORT SIM-S-nn, half EXPORT SIM-N-nn), each with the emulated devices named: "
                    + "an LLRP reader on llrp://HOST:(port-base + 2k) and a Modbus TCP gate (--gate-mode, unit 1, coil 0, "
                    + "loop on input 0, boom up on 1, down on 2, polled every 20 ms) on modbus://HOST:(port-base + 2k + 1) "
                    + "for lane k (from 0).",
            "Start the engine with it, then `run --devices ... --device-config FILE`: the run starts the emulators where "
                    + "the file says, waits for the engine to reach them, and plays the trucks through them. "
                    + "With --devices none the same lanes have no driven devices: the WebSocket path to compare with."
        })
final class DevicesConfigCommand implements Callable<Integer> {

    @Option(
            names = "--devices",
            split = ",",
            defaultValue = "llrp,modbus",
            paramLabel = "llrp,modbus|none",
            description = "The devices each lane gets (default: ${DEFAULT-VALUE}).")
    List<String> devices;

    @Option(
            names = "--lanes",
            defaultValue = "36",
            paramLabel = "N",
            description = "How many lanes (default: ${DEFAULT-VALUE}).")
    int lanes;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "The address the emulators listen on and the engine calls (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port-base",
            defaultValue = "25000",
            paramLabel = "PORT",
            description =
                    "Lane k's reader listens on PORT + 2k, its gate on PORT + 2k + 1 (default: ${DEFAULT-VALUE}).")
    int portBase;

    @Option(
            names = "--gate-mode",
            defaultValue = "pulse",
            paramLabel = "pulse|hold",
            description =
                    "pulse: the engine pulses the coil and the emulated controller lowers the boom once its loop clears; "
                            + "hold: the engine holds the coil while the boom must be up, and the boom follows the coil, so only the "
                            + "engine's interlock keeps it off a truck (default: ${DEFAULT-VALUE}).")
    String gateMode;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!List.of("pulse", "hold").contains(gateMode)) {
            throw new IllegalArgumentException("--gate-mode must be pulse or hold");
        }
        String json =
                DeviceLanes.engineConfig(DeviceLanes.kinds(devices), lanes, host, portBase, "pulse".equals(gateMode));
        if (out == null) {
            System.out.print(json);
        } else {
            Files.writeString(out, json, StandardCharsets.UTF_8);
            System.out.println("wrote " + out + ": " + lanes + " lanes; start the engine with --config " + out);
        }
        return 0;
    }
}
