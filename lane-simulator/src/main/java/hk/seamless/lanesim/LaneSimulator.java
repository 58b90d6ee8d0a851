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
        String why = unreachable(e)
                ? "cannot reach the engine at " + target(parsed) + " (" + e + "): is it running, and is --target right?"
                : e.getMessage() == null ? e.toString() : e.getMessage();
        commandLine.getErr().println(commandLine.getCommandName() + ": " + why);
        return 2;
    }

    /** A connection refused, an unknown host or a connection that timed out, anywhere in the causes. */
    private static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException
                    || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.nio.channels.UnresolvedAddressException
                    || cause instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The --target the command was given, as typed, or its default. */
    private static String target(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult command = parsed;
        while (command.subcommand() != null) {
            command = command.subcommand();
        }
        CommandLine.Model.OptionSpec option = command.commandSpec().findOption("--target");
        if (option == null) {
            return "the --target given";
        }
        Object target = option.getValue();
        return String.valueOf(target);
    }

    /** Without a subcommand there is nothing to measure: say what there is. */
    @Override
    public void run() {
        System.out.print(fullHelp(spec.commandLine()));
    }
}
