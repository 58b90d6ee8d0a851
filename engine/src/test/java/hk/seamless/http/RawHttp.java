package hk.seamless.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A request sent byte for byte over a socket, for what the JDK client refuses to send: a request
 * target that is not validly percent-encoded, a made-up method, a body framed oddly, a request
 * left unfinished on purpose, as a careless browser script or a probe might send.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(readTimeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** A connection whose reads wait at most {@code readTimeoutMillis}. */
    static RawHttp open(int port, int readTimeoutMillis) {
        try {
            return new RawHttp(port, readTimeoutMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a GET with exactly this request target; returns the status code of the answer. */
    static int getStatus(int port, String requestTarget, String token) {
        return statusOf(exchange(
                port,
                "GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + "Authorization: Bearer "
                        + token + "\r\nConnection: close\r\n\r\n"));
    }

    /** Sends {@code request} as it is on a new connection; returns all the engine sent before closing. */
    static String exchange(int port, String request) {
        try (RawHttp http = open(port, 10_000)) {
            http.send(request);
            return http.readUntilClosed();
        }
    }

    /** "HTTP/1.1 400 Bad Request..." to 400. */
    static int statusOf(String answer) {
        // HTTP/1.0 is what Vert.x itself answers a request it could not parse with (a 414, say).
        if (answer.length() < 12 || !(answer.startsWith("HTTP/1.1 ") || answer.startsWith("HTTP/1.0 "))) {
            throw new AssertionError("no HTTP answer: '" + answer + "'");
        }
        return Integer.parseInt(answer.substring(9, 12));
    }

    RawHttp send(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first answer's status line and headers (the body, if any, stays unread). */
    String readHead() {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                String text = head.toString(StandardCharsets.UTF_8);
                if (text.endsWith("\r\n\r\n")) {
                    return text;
                }
            }
            return head.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of an answer whose head {@link #readHead()} read, by its Content-Length. */
    String readBody(String head) {
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
        try {
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything until the engine closes the connection; fails if it does not within the read timeout. */
    String readUntilClosed() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
            return all.toString(StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "the engine kept the connection open; it had sent: '" + all.toString(StandardCharsets.UTF_8) + "'");
        } catch (IOException e) {
            // A reset after the answer is a close too.
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
