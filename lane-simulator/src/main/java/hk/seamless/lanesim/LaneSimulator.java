package hk.seamless.lanesim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the lane simulator: a load generator that plays the traders' and truckers' side
 * against one running engine, over its public HTTP API only.
 */
@Command(name = "seamless-lane-simulator",
        mixinStandardHelpOptions = true,
        version = "seamless-lane-simulator 0.1.0",
        description = "Drives a running Seamless engine over HTTP and measures it.",
        subcommands = {LodgementLoadCommand.class, BatchLoadCommand.class, CommandLine.HelpCommand.class})
public final class LaneSimulator implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LaneSimulator())
                .setExecutionExceptionHandler(LaneSimulator::setupFailed)
                .execute(args));
    }

    /**
     * A run that cannot start (engine down, wrong admin token, bad target) is told in one line and
     * exits 2, apart from 1, which means the engine answered but some requests failed.
     */
    static int setupFailed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        // A refused connection has no message, only its type: print that rather than "null".
        commandLine.getErr().println(commandLine.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return 2;
    }

    /** Without a subcommand there is nothing to measure: say what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
