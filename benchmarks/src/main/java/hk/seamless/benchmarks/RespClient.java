package hk.seamless.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal Redis (RESP2) client on a plain socket, for the benchmark only: no dependency, no
 * pool, one connection. {@link #get} sends one GET and reads its one reply (no pipelining), into a
 * caller's reusable buffer, allocating nothing: the look-up a lane would make per arrival.
 * Values are read as single-byte characters (the lane's compact values are ASCII).
 */
final class RespClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] command = new byte[1024];
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private final StringBuilder line = new StringBuilder(64);

    /** @throws IllegalStateException naming host and port when Redis cannot be reached */
    RespClient(String host, int port) {
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot reach Redis at " + host + ":" + port
                            + " (start it with benchmarks/run-redis-benchmark.sh): " + e,
                    e);
        }
    }

    /** GET key into {@code value} (cleared first); false when the key does not exist. */
    boolean get(CharSequence key, StringBuilder value) {
        int n = 0;
        n = ascii("*2\r\n$3\r\nGET\r\n$", n);
        n = number(key.length(), n);
        n = ascii("\r\n", n);
        n = ascii(key, n);
        n = ascii("\r\n", n);
        try {
            out.write(command, 0, n);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis connection lost", e);
        }
        value.setLength(0);
        int type = readByte();
        if (type == '-') {
            throw new IllegalStateException("Redis error: " + readLine());
        }
        if (type != '$') {
            throw new IllegalStateException("unexpected Redis reply type " + (char) type);
        }
        long length = readLong();
        if (length < 0) {
            return false;
        }
        for (long i = 0; i < length; i++) {
            value.append((char) (readByte() & 0xff));
        }
        readByte(); // \r
        readByte(); // \n
        return true;
    }

    /** Any command, for set-up; returns the reply as text (an integer, a status or a bulk string). */
    String call(String... args) {
        send(args);
        out(true);
        return readReply();
    }

    /** Sends without flushing or reading: for pipelined writes at set-up ({@link #readReply} each). */
    void send(String... args) {
        try {
            StringBuilder c =
                    new StringBuilder().append('*').append(args.length).append("\r\n");
            for (String a : args) {
                byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
                c.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
            }
            out.write(c.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Redis connection lost", e);
        }
    }

    void out(boolean flush) {
        try {
            if (flush) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Redis connection lost", e);
        }
    }

    String readReply() {
        int type = readByte();
        switch (type) {
            case '+', ':' -> {
                return readLine();
            }
            case '-' -> throw new IllegalStateException("Redis error: " + readLine());
            case '$' -> {
                long length = readLong();
                if (length < 0) {
                    return null;
                }
                byte[] bytes = new byte[(int) length];
                for (int i = 0; i < length; i++) {
                    bytes[i] = (byte) readByte();
                }
                readByte();
                readByte();
                return new String(bytes, StandardCharsets.UTF_8);
            }
            default -> throw new IllegalStateException("unexpected Redis reply type " + (char) type);
        }
    }

    private int ascii(CharSequence s, int n) {
        for (int i = 0; i < s.length(); i++) {
            command[n++] = (byte) s.charAt(i);
        }
        return n;
    }

    private int number(int value, int n) {
        if (value >= 10) {
            n = number(value / 10, n);
        }
        command[n++] = (byte) ('0' + value % 10);
        return n;
    }

    private int readByte() {
        if (pos == limit) {
            try {
                limit = in.read(buffer, 0, buffer.length);
            } catch (IOException e) {
                throw new UncheckedIOException("Redis connection lost", e);
            }
            if (limit <= 0) {
                throw new IllegalStateException("Redis closed the connection");
            }
            pos = 0;
        }
        return buffer[pos++];
    }

    private long readLong() {
        long n = 0;
        boolean negative = false;
        for (int c = readByte(); c != '\r'; c = readByte()) {
            if (c == '-') {
                negative = true;
            } else {
                n = n * 10 + (c - '0');
            }
        }
        readByte(); // \n
        return negative ? -n : n;
    }

    private String readLine() {
        line.setLength(0);
        for (int c = readByte(); c != '\r'; c = readByte()) {
            line.append((char) (c & 0xff));
        }
        readByte();
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
