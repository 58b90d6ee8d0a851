package hk.seamless.config;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * How each setting's text is read and checked. A parser throws with what is expected; the
 * {@link SettingLayers} put the setting's name (and where it came from) in front of that.
 */
final class SettingValues {

    private SettingValues() {}

    static int positiveInt(String s) {
        return positive(Integer.parseInt(s));
    }

    static long positiveLong(String s) {
        return positive(Long.parseLong(s));
    }

    static int port(String s) {
        return within(Integer.parseInt(s), 0, 65535, "a port is 0 to 65535");
    }

    /**
     * Kafka's bootstrap servers: host:port, comma-separated. Checked here because the client only
     * logs an address it cannot parse and retries for ever, which an operator would see as a lane
     * engine that never hears from the registry rather than as a mistyped setting.
     */
    static String bootstrapServers(String s) {
        for (String server : s.split(",", -1)) {
            String entry = server.strip();
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || !entry.substring(0, colon).matches("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]")) {
                throw new IllegalArgumentException("expected host:port[,host:port...], got '" + entry + "'");
            }
            port(entry.substring(colon + 1));
        }
        return s.strip();
    }

    static String adminToken(String s) {
        return atLeast(s, 22, "an admin token needs at least 22 characters (128 bits)");
    }

    static String feedToken(String s) {
        return atLeast(s, 22, "a feed token needs at least 22 characters (128 bits)");
    }

    static String signingSecret(String s) {
        return atLeast(s, 16, "a signing secret needs at least 16 characters (a Twilio auth token has 32)");
    }

    static Duration duration(String s) {
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 duration such as PT30M");
        }
    }

    static Duration atLeastAMillisecond(String s) {
        Duration d = duration(s);
        if (d.toMillis() < 1) {
            throw new IllegalArgumentException("at least PT0.001S");
        }
        return d;
    }

    static Period period(String s) {
        try {
            Period p = Period.parse(s);
            if (p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return p;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 period such as P14D");
        }
    }

    /**
     * An address of this machine to listen on, or a name that resolves to one: checked here, before
     * the data folder is touched, so a mistyped host is refused in one line naming the setting.
     */
    static String host(String s) {
        try {
            java.net.InetAddress.getByName(s);
            return s;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("no such address or host name (give an address of this machine,"
                    + " such as 0.0.0.0 for all of them or 127.0.0.1 for this machine only)");
        }
    }

    static double rate(String s) {
        double rate = Double.parseDouble(s);
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a rate is between 0 and 1");
        }
        return rate;
    }

    static long segmentBytes(String s) {
        long n = Long.parseLong(s);
        if (n < 1024 * 1024 || n > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException("from 1048576 (1 MiB) to 1073741824 (1 GiB)");
        }
        return n;
    }

    /** "never" (the default: customs keep records for years) or an ISO-8601 duration such as P3650D. */
    static Duration archiveRetention(String s) {
        if (s.equalsIgnoreCase("never")) {
            return null;
        }
        Duration d = duration(s);
        if (d.toDays() < 1) {
            throw new IllegalArgumentException("at least P1D, or never");
        }
        return d;
    }

    static boolean bool(String s) {
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("true or false");
        }
        return Boolean.parseBoolean(s);
    }

    static int powerOfTwo(String s) {
        int n = Integer.parseInt(s);
        if (n < 64 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("a power of two, at least 64");
        }
        return n;
    }

    static int percent(String s) {
        return within(Integer.parseInt(s), 0, 100, "0 to 100");
    }

    private static int within(int n, int lowest, int highest, String expected) {
        if (n < lowest || n > highest) {
            throw new IllegalArgumentException(expected);
        }
        return n;
    }

    /** A secret too short to be one: the message says how long, never what was given. */
    private static String atLeast(String secret, int characters, String expected) {
        if (secret.length() < characters) {
            throw new IllegalArgumentException(expected);
        }
        return secret;
    }

    private static long positive(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return n;
    }

    private static int positive(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return n;
    }
}
