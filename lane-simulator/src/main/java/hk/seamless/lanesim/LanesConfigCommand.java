package hk.seamless.lanesim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes an engine settings file with many lanes over the six control points, for traffic at scale. */
@Command(
        name = "lanes-config",
        mixinStandardHelpOptions = true,
        description = {
            "Writes an engine settings file (--config FILE of the engine) whose controlPoints are Hong Kong's six road "
                    + "control points with --lanes lanes in all, spread in the proportions of the engine's default "
                    + "(LMC and SBC largest), half each way: CODE-S-n IMPORT, CODE-N-n EXPORT, each with an RFID reader.",
            "Start the engine with it, then `run`: the run drives every lane the engine has, one vehicle per lane at a "
                    + "time, so --rate 5000 over 2000 lanes reaches each lane 2.5 times a second."
        })
final class LanesConfigCommand implements Callable<Integer> {

    @Option(
            names = "--lanes",
            required = true,
            paramLabel = "N",
            description = "How many lanes in all: an even number from 12 to 20000.")
    int lanes;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        String json = SpreadLanes.engineConfig(lanes);
        if (out == null) {
            System.out.print(json);
        } else {
            Files.writeString(out, json, StandardCharsets.UTF_8);
            System.out.println("wrote " + out + ": " + lanes
                    + " lanes over 6 control points; start the engine with --config " + out);
        }
        return 0;
    }
}
