package hk.seamless.engine;

import hk.seamless.log.LogDamageException;
import hk.seamless.log.LogVerifier;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code verify-log --data DIR}: checks {@code DIR/log/registry} and {@code DIR/log/lane} from their
 * first segments (checksums, gap-free sequences, the hash chain, the checkpoint) and says, per log,
 * either that it is whole or where it first broke. Read-only; safe beside a running engine.
 *
 * <p>Exit status: 0 both logs whole, 2 a log is broken, 1 bad arguments or no log to check.
 */
final class VerifyLogCommand {

    static final int OK = 0;
    static final int UNUSABLE = 1;
    static final int BROKEN = 2;

    private VerifyLogCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !args[0].equals("--data")) {
            err.println("usage: java -jar seamless-engine.jar verify-log --data DIR (DIR: the engine's data folder)");
            return UNUSABLE;
        }
        Path data = Path.of(args[1]);
        if (!Files.isDirectory(data.resolve("log"))) {
            err.println("verify-log: " + data.toAbsolutePath() + " has no log/ folder"
                    + (Files.isDirectory(data.resolve("journal"))
                            ? " (an older engine's data: start this version once to import its journal)"
                            : ""));
            return UNUSABLE;
        }
        int status = OK;
        for (String name : List.of("registry", "lane")) {
            Path dir = data.resolve("log").resolve(name);
            LogVerifier.Result result;
            try {
                result = LogVerifier.verify(dir);
            } catch (LogDamageException | UncheckedIOException e) {
                err.println(name + ": cannot be checked: " + e.getMessage());
                status = Math.max(status, UNUSABLE);
                continue;
            }
            if (result.ok()) {
                out.println(name + ": " + result.entries() + " entries in " + result.segments()
                        + " segments, last sequence "
                        + result.lastSequence()
                        + (result.checkpoint() == null
                                ? ", no checkpoint"
                                : ", checkpoint at " + result.checkpoint().sequence())
                        + ": OK");
            } else {
                out.println(name + ": BROKEN: " + result.broken() + " (" + result.entries()
                        + " entries checked before it)");
                status = BROKEN;
            }
        }
        return status;
    }
}
