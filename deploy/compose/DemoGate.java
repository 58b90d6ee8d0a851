import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Boom gates for a demo (try-cut-off.sh): connects each lane's gate socket with its GATE device
 * token and acknowledges every decision as a gate controller would: OPENED for a RELEASE, CLOSED
 * otherwise. A lane whose gate is not connected holds every truck (GATE_UNAVAILABLE), so a demo
 * without gates releases nothing. A single-file program: {@code java DemoGate.java URL LANE=TOKEN...}
 * (JDK 11+, no build). Runs until killed.
 */
public final class DemoGate {

    private static final Pattern FIELD = Pattern.compile("\"(kind|arrivalId|decision)\"\\s*:\\s*\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java DemoGate.java http://lane-engine:8080 LANE=GATE_TOKEN...");
            System.exit(2);
        }
        URI base = URI.create(args[0].replaceFirst("^http", "ws"));
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i < args.length; i++) {
            String[] laneToken = args[i].split("=", 2);
            String lane = laneToken[0];
            http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + laneToken[1])
                    .buildAsync(base.resolve("/lane/v1/lanes/" + lane + "/gate"), new Gate(lane)).join();
            System.out.println("gate connected at " + lane);
        }
        new CountDownLatch(1).await();
    }

    /** One lane's gate: answers each decision with the boom's state. */
    private record Gate(String lane) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String kind = null, arrival = null, decision = null;
            Matcher m = FIELD.matcher(data);
            while (m.find()) {
                switch (m.group(1)) {
                    case "kind" -> kind = m.group(2);
                    case "arrivalId" -> arrival = m.group(2);
                    default -> decision = m.group(2);
                }
            }
            ws.request(1);
            if ("decision".equals(kind) && arrival != null) {
                String state = "RELEASE".equals(decision) ? "OPENED" : "CLOSED";
                return ws.sendText("{\"ack\":\"" + arrival + "\",\"state\":\"" + state + "\"}", true);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            System.out.println("gate at " + lane + " closed by the engine: " + status + " " + reason);
            return null;
        }
    }
}
