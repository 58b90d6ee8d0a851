package hk.seamless.lanesim;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A terminal phone: plays the voice platform against the engine's IVRS webhook, with you on the keypad. */
@Command(
        name = "phone",
        mixinStandardHelpOptions = true,
        description = {
            "Calls the engine's phone line (POST /ivrs/v1/calls, TwiML) as a voice platform would, with a new CallSid.",
            "Prints what would be said, with its language; reads the keys you press as a line of digits, # and *.",
            "An empty line is silence (the gather times out); end of input (Ctrl-D) hangs up. Stops when the engine hangs up.",
            "Scriptable: pipe the keys in, one line per prompt."
        })
final class PhoneCommand implements Callable<Integer> {

    static final String WEBHOOK = "/ivrs/v1/calls";

    @Option(
            names = "--target",
            required = true,
            paramLabel = "URL",
            description = "Base URL of the engine, e.g. http://localhost:8080.")
    String target;

    @Option(
            names = "--from",
            defaultValue = "+85291234567",
            paramLabel = "NUMBER",
            description = "The caller's number, as the platform reports it (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(
            names = "--to",
            defaultValue = "+85230001234",
            paramLabel = "NUMBER",
            description = "The number called (default: ${DEFAULT-VALUE}).")
    String to;

    @Option(
            names = "--allow-remote-target",
            defaultValue = "false",
            description = "Allow a --target that is not a loopback address.")
    boolean allowRemoteTarget;

    @Override
    public Integer call() throws Exception {
        URI base = EngineTarget.parseGuarded(target, allowRemoteTarget);
        EngineClient engine = new EngineClient(base);
        // UTF-8 whatever the locale: the Cantonese prompts are Chinese characters.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader keypad = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String callSid = "CA" + HexFormat.of().formatHex(random);
        out.println("Calling " + base + WEBHOOK + " from " + from + " (CallSid " + callSid + ")");
        PhoneCall call = new PhoneCall(
                (path, form) -> engine.post(
                        path, null, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)),
                keypad,
                out,
                System.console() == null,
                callSid,
                from,
                to);
        return call.play(WEBHOOK);
    }
}
