package hk.seamless.kafka;

/**
 * Waits between attempts to reach Kafka: a quarter of a second at first, doubling to two seconds,
 * so that a broker back from an outage is used again within seconds, and a broker that stays away
 * is not hammered.
 */
final class Backoff {

    private static final long FIRST_MILLIS = 250;
    private static final long MOST_MILLIS = 2_000;

    private long next = FIRST_MILLIS;

    void reset() {
        next = FIRST_MILLIS;
    }

    void pause() {
        try {
            Thread.sleep(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        next = Math.min(MOST_MILLIS, next * 2);
    }
}
