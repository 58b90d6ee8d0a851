package hk.seamless.lanesim.devices;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UHF reader's LLRP side: it greets a client with a connection event, answers its capability
 * request and ROSpec messages with success, and, once the client has started its ROSpec, reports
 * the tags it is told it sees. It can also send what a real reader never should (raw bytes), and
 * go away and come back on the same port. One client at a time, as a reader takes one.
 * Used by the lane simulator ({@code --devices llrp}) and by the engine's tests.
 */
public final class LlrpReaderEmulator implements AutoCloseable {

    private final InetAddress host;
    private final int port;
    private final List<Integer> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger keepaliveAcks = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private volatile ServerSocket server;
    private volatile Socket client;
    private volatile boolean started;

    /** On loopback, on a free port. */
    public LlrpReaderEmulator() {
        this(InetAddress.getLoopbackAddress(), 0);
    }

    /** On this address and port (0: a free one), as a lane's settings name the reader. */
    public LlrpReaderEmulator(InetAddress host, int port) {
        this.host = host;
        this.port = port == 0 ? freePort(host) : port;
        open();
    }

    public int port() {
        return port;
    }

    /** Listens (again, after {@link #stop}) on the same port. */
    public synchronized void open() {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the LLRP reader emulator cannot listen on " + host.getHostAddress() + ":" + port, e);
        }
        Thread t = new Thread(this::serve, "llrp-reader-emulator-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void serve() {
        ServerSocket s = server;
        while (!s.isClosed()) {
            try (Socket c = s.accept()) {
                c.setTcpNoDelay(true);
                client = c;
                started = false;
                sessions.incrementAndGet();
                session(c);
            } catch (IOException e) {
                // the client went, or the emulator was stopped: wait for the next one
            } finally {
                client = null;
                started = false;
            }
        }
    }

    private void session(Socket c) throws IOException {
        OutputStream out = c.getOutputStream();
        sendRaw(LlrpWire.connectionAttempt(messageIds.incrementAndGet(), System.currentTimeMillis() * 1000));
        DataInputStream in = new DataInputStream(new BufferedInputStream(c.getInputStream()));
        while (true) {
            LlrpWire.Header frame = LlrpWire.read(in);
            received.add(frame.type());
            int answer = switch (frame.type()) {
                case LlrpWire.GET_READER_CAPABILITIES -> LlrpWire.GET_READER_CAPABILITIES_RESPONSE;
                case LlrpWire.DELETE_ROSPEC -> LlrpWire.DELETE_ROSPEC_RESPONSE;
                case LlrpWire.ADD_ROSPEC -> LlrpWire.ADD_ROSPEC_RESPONSE;
                case LlrpWire.ENABLE_ROSPEC -> LlrpWire.ENABLE_ROSPEC_RESPONSE;
                case LlrpWire.START_ROSPEC -> LlrpWire.START_ROSPEC_RESPONSE;
                case LlrpWire.CLOSE_CONNECTION -> LlrpWire.CLOSE_CONNECTION_RESPONSE;
                default -> -1;
            };
            if (frame.type() == LlrpWire.KEEPALIVE_ACK) {
                keepaliveAcks.incrementAndGet();
            } else if (answer >= 0) {
                synchronized (this) {
                    out.write(LlrpWire.success(answer, frame.messageId()));
                    out.flush();
                }
                started |= frame.type() == LlrpWire.START_ROSPEC;
            }
        }
    }

    /** "This tag is seen at this antenna": one RO_ACCESS_REPORT, once the client's ROSpec runs. */
    public void sees(String epc, int antenna, int peakRssi) {
        awaitStarted(Duration.ofSeconds(10));
        sendRaw(LlrpWire.tagReport(
                messageIds.incrementAndGet(), epc, antenna, peakRssi, System.currentTimeMillis() * 1000));
    }

    public void sendKeepalive() {
        sendRaw(LlrpWire.keepalive(messageIds.incrementAndGet()));
    }

    /** Bytes as they are, LLRP or not. */
    public synchronized void sendRaw(byte[] bytes) {
        Socket c = client;
        if (c == null) {
            throw new IllegalStateException("no LLRP client is connected to the reader emulator on port " + port);
        }
        try {
            // The stream taken once: a client that drops the session as soon as it reads these bytes
            // (as it must for bytes that are not LLRP) closes the socket, and asking for its stream
            // again to flush would fail although the bytes went out.
            OutputStream out = c.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void awaitStarted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!started) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the LLRP client on port " + port + " never started its ROSpec; received " + received);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the LLRP client", e);
            }
        }
    }

    /** Whether a client has started its ROSpec on this session: tags are now reported. */
    public boolean started() {
        return started;
    }

    /** The types of the messages received, in order. */
    public List<Integer> received() {
        return received;
    }

    public int keepaliveAcks() {
        return keepaliveAcks.get();
    }

    public int sessions() {
        return sessions.get();
    }

    /** The reader goes off the network: its listener and its client's connection close. */
    public synchronized void stop() {
        try {
            server.close();
            Socket c = client;
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // closed anyway
        }
    }

    static int freePort(InetAddress host) {
        try (ServerSocket probe = new ServerSocket(0, 1, host)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
