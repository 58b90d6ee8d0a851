package hk.seamless.lanesim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor: a trivial server on loopback that speaks the engine's lane protocol and decides
 * nothing. Each plate or tag read (a lane-stream text frame, or an HTTP POST) is answered at once
 * with a fake RELEASE pushed to that lane's gate socket, naming the plate (canonical) or the EPC
 * as vehicle. Running the same traffic against it shows what the client, the JDK's sockets and
 * loopback cost alone, so that the engine's latency can be read as a ratio to it.
 *
 * <p>One thread per connection, plain blocking sockets: a few hundred connections at most.
 */
final class FloorServer implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, CopyOnWriteArrayList<OutputStream>> gates = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private volatile boolean closed;

    FloorServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        Thread acceptor = new Thread(this::acceptLoop, "floor-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    long reads() {
        return reads.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "floor-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("floor server: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = readRequest(in);
                if (request == null) {
                    return;
                }
                if ("websocket".equalsIgnoreCase(request.headers.get("upgrade"))) {
                    webSocket(request, in, out);
                    return;
                }
                http(request, in, out);
            }
        } catch (IOException e) {
            // the client went away: nothing to do
        } finally {
            sockets.remove(socket);
        }
    }

    private record Request(String method, String path, Map<String, String> headers) {
    }

    /** @return null at a clean end of stream */
    static Request readRequest(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 3) {
            throw new IOException("bad request line " + requestLine);
        }
        Map<String, String> headers = new ConcurrentHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
        }
        return new Request(parts[0], parts[1], headers);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] raw = bytes.toByteArray();
                int n = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
                return new String(raw, 0, n, StandardCharsets.ISO_8859_1);
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private void http(Request request, InputStream in, OutputStream out) throws IOException {
        int length = Integer.parseInt(request.headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String lane = lane(request.path);
        String kind = request.path.endsWith("/plate-reads") ? "plate"
                : request.path.endsWith("/tag-reads") ? "tag"
                : request.path.endsWith("/empty-declarations") ? "empty" : null;
        if (lane == null || kind == null || !"POST".equals(request.method)) {
            respond(out, 404, "{\"title\":\"Not found\"}");
            return;
        }
        String arrivalId = "F-" + ids.incrementAndGet();
        respond(out, 202, "{\"arrivalId\":\"" + arrivalId + "\"}");
        onRead(lane, kind, body, arrivalId);
    }

    private static void respond(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 202 ? " Accepted" : " Not Found") + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private void webSocket(Request request, InputStream in, OutputStream out) throws IOException {
        String key = request.headers.get("sec-websocket-key");
        String lane = lane(request.path);
        if (key == null || lane == null) {
            respond(out, 404, "{}");
            return;
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + WsFrames.acceptKey(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        boolean gate = request.path.endsWith("/gate");
        if (gate) {
            gates.computeIfAbsent(lane, l -> new CopyOnWriteArrayList<>()).add(out);
        }
        try {
            while (true) {
                WsFrames.Frame frame = WsFrames.readMessage(in);
                switch (frame.opcode()) {
                    case WsFrames.CLOSE -> {
                        send(out, WsFrames.encode(WsFrames.CLOSE, frame.payload()));
                        return;
                    }
                    case WsFrames.PING -> send(out, WsFrames.encode(WsFrames.PONG, frame.payload()));
                    case WsFrames.TEXT -> {
                        if (!gate) {
                            String text = frame.text();
                            String kind = field(text, "kind");
                            String arrivalId = "F-" + ids.incrementAndGet();
                            if ("empty".equals(kind)) {
                                // As the engine does for a read that does not complete an arrival.
                                send(out, WsFrames.text("{\"kind\":\"accepted\",\"arrivalId\":\"" + arrivalId + "\"}"));
                            }
                            onRead(lane, kind == null ? "" : kind, text, arrivalId);
                        }
                    }
                    default -> { }
                }
            }
        } finally {
            if (gate) {
                gates.get(lane).remove(out);
            }
        }
    }

    /** A plate or tag read: a fake decision to the lane's gates at once. EMPTY presses are only counted. */
    private void onRead(String lane, String kind, String body, String arrivalId) {
        reads.incrementAndGet();
        String vehicle = switch (kind) {
            case "plate" -> SimVehicle.canonical(String.valueOf(field(body, "plate")));
            case "tag" -> field(body, "epc");
            default -> null;
        };
        if (vehicle == null) {
            return;
        }
        byte[] frame = WsFrames.text(fakeDecision(arrivalId, lane, vehicle));
        for (OutputStream gate : gates.getOrDefault(lane, new CopyOnWriteArrayList<>())) {
            try {
                send(gate, frame);
            } catch (IOException e) {
                // that gate went away
            }
        }
    }

    static String fakeDecision(String arrivalId, String lane, String vehicle) {
        return "{\"kind\":\"decision\"," + JsonText.field("arrivalId", arrivalId) + "," + JsonText.field("lane", lane)
                + "," + JsonText.field("vehicleMark", vehicle) + ",\"decision\":\"RELEASE\",\"reasons\":[],\"display\":\"PROCEED\"}";
    }

    private static void send(OutputStream out, byte[] frame) throws IOException {
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    /** The first string value of a field (first occurrence: results[0].plate in an alpr_results document). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
    }

    /** "LMC-S-01" out of "/lane/v1/lanes/LMC-S-01/stream". */
    static String lane(String path) {
        String prefix = "/lane/v1/lanes/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        int end = path.indexOf('/', prefix.length());
        return end < 0 ? null : path.substring(prefix.length(), end);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
