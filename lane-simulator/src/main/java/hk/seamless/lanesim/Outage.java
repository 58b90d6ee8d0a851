package hk.seamless.lanesim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A feed outage in the middle of a run ({@code --outage 30s@60s}): the feed between the registry
 * and the lane engines is cut for {@code length}, starting {@code at} after the run's first arrival
 * was due, by a {@link Switch} the operator gave: a broker process to freeze (SIGSTOP, then SIGCONT),
 * or a pair of commands (e.g. {@code docker pause kafka} / {@code docker unpause kafka}).
 */
record Outage(Duration length, Duration at, Switch feedSwitch) {

    /** What cuts the feed and restores it. Each call returns once done, or throws saying why not. */
    interface Switch {
        void cut() throws IOException, InterruptedException;

        void restore() throws IOException, InterruptedException;

        String text();
    }

    /** How long a cut or restore command may take; a hung {@code docker} must not hang the run. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Checks the outage options together.
     *
     * @param spec       {@code LENGTH@START}, e.g. {@code 30s@60s}; null when there is no outage
     * @param runLength  warm-up plus duration: the outage must start within the run
     * @param topology   whether the run has a registry and lane engines (an outage needs a feed)
     * @return null when {@code spec} is null (and then no other outage option may be given)
     */
    static Outage of(String spec, Long pid, String command, String endCommand, Duration runLength, boolean topology) {
        if (spec == null) {
            if (pid != null || command != null || endCommand != null) {
                throw new IllegalArgumentException("--outage-pid, --outage-command and --outage-end-command need "
                        + "--outage LENGTH@START, e.g. --outage 30s@60s");
            }
            return null;
        }
        if (!topology) {
            throw new IllegalArgumentException("--outage cuts the feed between a registry and its lane engines: give "
                    + "--registry and --lane-engine (a standalone --target has no feed to cut)");
        }
        int at = spec.indexOf('@');
        if (at <= 0 || at == spec.length() - 1) {
            throw new IllegalArgumentException(
                    "--outage " + spec + " is not LENGTH@START, e.g. 30s@60s (30 s, from 60 s into the run)");
        }
        Duration length = duration(spec.substring(0, at), spec);
        Duration start = duration(spec.substring(at + 1), spec);
        if (length.isZero() || length.isNegative() || start.isNegative()) {
            throw new IllegalArgumentException(
                    "--outage " + spec + ": the length must be positive and the start not negative");
        }
        if (start.compareTo(runLength) >= 0) {
            throw new IllegalArgumentException(
                    "--outage " + spec + " starts at or after the run's end (warm-up + duration = " + runLength
                            + "): nothing would be decided while cut off");
        }
        Switch feedSwitch;
        if (pid != null) {
            if (command != null || endCommand != null) {
                throw new IllegalArgumentException(
                        "--outage-pid and --outage-command are two ways to cut the feed: give one");
            }
            if (pid <= 1) {
                throw new IllegalArgumentException("--outage-pid " + pid + " is not a process to pause");
            }
            feedSwitch = new PausedProcess(pid);
        } else if (command != null) {
            if (endCommand == null || endCommand.isBlank() || command.isBlank()) {
                throw new IllegalArgumentException("--outage-command needs --outage-end-command, the command that "
                        + "restores the feed (e.g. 'docker pause kafka' and 'docker unpause kafka')");
            }
            feedSwitch = new Commands(command, endCommand);
        } else {
            throw new IllegalArgumentException("--outage needs a way to cut the feed: --outage-pid PID (the broker "
                    + "process, paused with SIGSTOP) or --outage-command CMD with --outage-end-command CMD");
        }
        return new Outage(length, start, feedSwitch);
    }

    private static Duration duration(String text, String spec) {
        try {
            return DurationConverter.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "--outage " + spec + ": '" + text + "' is not a duration (say 30s, 1500ms, 2m)");
        }
    }

    String text() {
        return length.toMillis() / 1000.0 + " s from " + at.toMillis() / 1000.0 + " s, by " + feedSwitch.text();
    }

    /** A broker process frozen with SIGSTOP: its sockets stay open and nothing answers, as a hung broker. */
    record PausedProcess(long pid) implements Switch {
        @Override
        public void cut() throws IOException, InterruptedException {
            run(List.of("kill", "-STOP", Long.toString(pid)));
        }

        @Override
        public void restore() throws IOException, InterruptedException {
            run(List.of("kill", "-CONT", Long.toString(pid)));
        }

        @Override
        public String text() {
            return "pausing process " + pid;
        }
    }

    /** Two shell commands the operator gave, run with {@code sh -c}. */
    record Commands(String cutCommand, String restoreCommand) implements Switch {
        @Override
        public void cut() throws IOException, InterruptedException {
            run(List.of("sh", "-c", cutCommand));
        }

        @Override
        public void restore() throws IOException, InterruptedException {
            run(List.of("sh", "-c", restoreCommand));
        }

        @Override
        public String text() {
            return "'" + cutCommand + "' / '" + restoreCommand + "'";
        }
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(
                    String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s");
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + ")"
                    + (said.isEmpty() ? "" : ": " + Excerpt.of(said)));
        }
    }
}
