package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a newcomer meets first: the help, a big batch-load, the progress line during warm-up. */
class SimulatorCommandLineTest {

    @Test
    void theTopLevelHelpShowsEveryOptionOfTheDefaultRun() {
        String help = LaneSimulator.fullHelp(new CommandLine(new LaneSimulator()));
        for (String subcommand : List.of("run", "lodgement-load", "batch-load", "phone")) {
            assertTrue(help.contains(subcommand), subcommand + " in:\n" + help);
        }
        // The README names these as shown by --help.
        for (String option :
                List.of("--transport", "--mix", "--floor", "--rate", "--duration", "--report", "--admin-token")) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
    }

    @Test
    void anEngineThatCannotBeReachedIsSaidSoNamingTheTarget() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort(); // free once closed: nothing listens there
        }
        String target = "http://127.0.0.1:" + closedPort;
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine commandLine =
                new CommandLine(new LaneSimulator()).setExecutionExceptionHandler(LaneSimulator::setupFailed);
        commandLine.setErr(new java.io.PrintWriter(err, true));
        int exit = commandLine.execute(LaneSimulator.withDefaultCommand(new String[] {
            "--target", target, "--admin-token", "x-0123456789012345678901", "--rate", "5", "--duration", "2s"
        }));
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("cannot reach the engine at " + target), err.toString());
    }

    @Test
    void aBatchOverTheEnginesLimitGoesAsSeveralFilesWithinIt() {
        assertEquals(List.of(10_000), BatchLoadCommand.fileSizes(10_000));
        assertEquals(List.of(20_000), BatchLoadCommand.fileSizes(20_000));
        List<Integer> fifty = BatchLoadCommand.fileSizes(50_000);
        assertEquals(3, fifty.size(), fifty.toString());
        assertEquals(50_000, fifty.stream().mapToInt(Integer::intValue).sum());
        assertTrue(fifty.stream().allMatch(n -> n <= BatchLoadCommand.MAX_ROWS_PER_FILE), fifty.toString());
        assertEquals(List.of(10_001, 10_000), BatchLoadCommand.fileSizes(20_001));
    }

    @Test
    void duringWarmUpTheProgressSaysNothingIsMeasuredRatherThanZero() {
        Histogram micros = new Histogram(3);
        assertEquals("- (none measured yet)", RunLatencies.p99Text(micros));
        micros.recordValue(1_500);
        assertEquals("1.500 ms", RunLatencies.p99Text(micros));
    }
}
