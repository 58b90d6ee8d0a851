package hk.seamless.lanesim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the lane simulator: a load generator that plays the traders' and truckers' side
 * against one running engine, over its public HTTP API only.
 */
@Command(
        name = "seamless-lane-simulator",
        mixinStandardHelpOptions = true,
        version = "seamless-lane-simulator 0.1.0",
        description = "Drives a running Seamless engine over HTTP and measures it.",
        subcommands = {
            RunCommand.class,
            DevicesConfigCommand.class,
            LanesConfigCommand.class,
            LodgementLoadCommand.class,
            BatchLoadCommand.class,
            PhoneCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LaneSimulator implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine =
                new CommandLine(new LaneSimulator()).setExecutionExceptionHandler(LaneSimulator::setupFailed);
        if (args.length == 1 && java.util.List.of("-h", "--help").contains(args[0])) {
            System.out.print(fullHelp(commandLine));
            System.exit(0);
        }
        System.exit(commandLine.execute(withDefaultCommand(args)));
    }

    /**
     * The top-level help: the subcommands, and then every option of {@code run}, the default
     * command, since "--target ... --rate 500" without a subcommand is a run.
     */
    static String fullHelp(CommandLine top) {
        return top.getUsageMessage(CommandLine.Help.Ansi.OFF)
                + System.lineSeparator() + "Options of run, the default command (seamless-lane-simulator [run] ...):"
                + System.lineSeparator()
                + top.getSubcommands().get("run").getUsageMessage(CommandLine.Help.Ansi.OFF)
                + System.lineSeparator() + "The other commands: seamless-lane-simulator help <command>."
                + System.lineSeparator();
    }

    /**
     * {@code run} is the default: options without a subcommand ("--target ... --rate 500") are run's,
     * as the interfaces document writes them. Only --help and --version stay the top command's.
     */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0
                || !args[0].startsWith("-")
                || java.util.List.of("-h", "--help", "-V", "--version").contains(args[0])) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }

    /**
     * A run that cannot start (engine down, wrong admin token, bad target) is told in one line and
     * exits 2, apart from 1, which means the engine answered but some requests failed.
     */
    static int setupFailed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        // A refused connection has no message, only its type: print that rather than "null".
        commandLine
                .getErr()
                .println(
                        commandLine.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return 2;
    }

    /** Without a subcommand there is nothing to measure: say what there is. */
    @Override
    public void run() {
        System.out.print(fullHelp(spec.commandLine()));
    }
}
