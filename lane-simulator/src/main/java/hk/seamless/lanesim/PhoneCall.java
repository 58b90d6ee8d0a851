package hk.seamless.lanesim;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One phone call played the way a voice platform (Twilio and its kind) plays it: post the call's
 * state to the webhook, speak the {@code <Say>}s (here: print them with their language), collect keys
 * for a {@code <Gather>} (here: read a line), post them to the gather's action, until {@code <Hangup>}.
 * An empty line is silence (the gather times out); the end of input is the caller hanging up.
 */
final class PhoneCall {

    /** Sends a form to a path on the engine and returns the status and body. */
    interface Webhook {
        EngineClient.Answer post(String pathAndQuery, String form) throws IOException, InterruptedException;
    }

    private static final int MAX_TURNS = 500;

    private final Webhook webhook;
    private final BufferedReader keypad;
    private final PrintStream out;
    private final boolean echoKeys;
    private final String callSid;
    private final String from;
    private final String to;

    PhoneCall(
            Webhook webhook,
            BufferedReader keypad,
            PrintStream out,
            boolean echoKeys,
            String callSid,
            String from,
            String to) {
        this.webhook = webhook;
        this.keypad = keypad;
        this.out = out;
        this.echoKeys = echoKeys;
        this.callSid = callSid;
        this.from = from;
        this.to = to;
    }

    /** @return 0 when the engine ended the call (or the caller hung up), 1 when the engine answered wrongly */
    int play(String webhookPath) throws IOException, InterruptedException {
        String path = webhookPath;
        String digits = null;
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            EngineClient.Answer answer = webhook.post(path, form(digits, "in-progress"));
            if (answer.status() != 200) {
                out.println("!! the webhook answered HTTP " + answer.status() + ": " + answer.body());
                return 1;
            }
            Element response;
            try {
                response = parse(answer.body());
            } catch (Exception e) {
                out.println("!! the webhook answered something that is not TwiML: " + answer.body());
                return 1;
            }
            Next next = perform(response, path);
            if (next == null) {
                return 0;
            }
            if (next.hungUp) {
                out.println("(you hung up)");
                webhook.post(webhookPath, form(null, "completed"));
                return 0;
            }
            path = next.path;
            digits = next.digits;
        }
        out.println("!! the call went on for " + MAX_TURNS + " turns; giving up");
        return 1;
    }

    private record Next(String path, String digits, boolean hungUp) {}

    /** Plays the verbs in order; returns where to post next, or null when the call is over. */
    private Next perform(Element response, String path) throws IOException {
        for (Node n = response.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element verb)) {
                continue;
            }
            switch (verb.getTagName()) {
                case "Say" -> say(verb);
                case "Gather" -> {
                    for (Node c = verb.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element inner && inner.getTagName().equals("Say")) {
                            say(inner);
                        }
                    }
                    return gather(verb, path);
                }
                case "Hangup" -> {
                    out.println("(the line hangs up)");
                    return null;
                }
                case "Redirect" -> {
                    return new Next(resolve(path, verb.getTextContent().strip()), null, false);
                }
                case "Pause" -> out.println("(pause)");
                default -> out.println("(the phone ignores <" + verb.getTagName() + ">)");
            }
        }
        out.println("(no more to say: the platform ends the call)");
        return null;
    }

    private void say(Element say) {
        String language = say.getAttribute("language");
        out.println("[" + (language.isEmpty() ? "?" : language) + "] " + say.getTextContent());
    }

    private Next gather(Element gather, String path) throws IOException {
        int numDigits = intAttribute(gather, "numDigits", 0);
        String finishOnKey = gather.hasAttribute("finishOnKey") ? gather.getAttribute("finishOnKey") : "#";
        int timeout = intAttribute(gather, "timeout", 5);
        String action = gather.getAttribute("action");
        out.print("  keypad (" + (numDigits > 0 ? "up to " + numDigits + (numDigits == 1 ? " key" : " keys") : "keys")
                + (finishOnKey.isEmpty() ? "" : ", " + finishOnKey + " to finish") + ", " + timeout + " s) > ");
        out.flush();
        String line = keypad.readLine();
        if (line == null) {
            if (echoKeys) {
                out.println();
            }
            return new Next(null, null, true);
        }
        String keys = line.replaceAll("\\s+", "");
        if (echoKeys) {
            out.println(keys.isEmpty() ? "" : keys);
        }
        // As a platform does: the finish key ends the keys and is not sent; at numDigits the gather is full.
        if (!finishOnKey.isEmpty() && keys.contains(finishOnKey)) {
            keys = keys.substring(0, keys.indexOf(finishOnKey));
        }
        if (numDigits > 0 && keys.length() > numDigits) {
            out.println("  (only the first " + numDigits + " keys are taken)");
            keys = keys.substring(0, numDigits);
        }
        if (keys.isEmpty()) {
            out.println("  (silence: the gather times out after " + timeout + " s)");
        }
        String next = action.isEmpty() ? path : resolve(path, action);
        return new Next(next, keys.isEmpty() ? null : keys, false);
    }

    private static int intAttribute(Element e, String name, int otherwise) {
        try {
            return e.hasAttribute(name) ? Integer.parseInt(e.getAttribute(name).strip()) : otherwise;
        } catch (NumberFormatException ex) {
            return otherwise;
        }
    }

    /** An action URL relative to the current one; only its path and query are kept, so the call stays on the target. */
    static String resolve(String currentPath, String action) {
        URI resolved = URI.create("http://engine" + currentPath).resolve(action.strip());
        String path = resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath();
        return resolved.getRawQuery() == null ? path : path + "?" + resolved.getRawQuery();
    }

    private String form(String digits, String status) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("AccountSid", "ACterminalphone0000000000000000000");
        fields.put("CallSid", callSid);
        fields.put("From", from);
        fields.put("To", to);
        fields.put("CallStatus", status);
        fields.put("Direction", "inbound");
        fields.put("ApiVersion", "2010-04-01");
        if (digits != null) {
            fields.put("Digits", digits);
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

    static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        Document doc =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("Response")) {
            throw new IllegalArgumentException("root is <" + root.getTagName() + ">, not <Response>");
        }
        return root;
    }
}
