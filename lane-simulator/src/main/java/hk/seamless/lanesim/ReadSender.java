package hk.seamless.lanesim;

/** How reads reach the engine: lane-stream WebSockets or HTTP posts. Never blocks the scheduler. */
interface ReadSender extends AutoCloseable {

    /** Whether messages carry "kind" (lane streams do). */
    boolean stream();

    void plate(int lane, String json);

    void tag(int lane, String json);

    /** Sends an EMPTY press and runs {@code then} once the engine has taken it (or refused it). */
    void empty(int lane, String json, Runnable then);

    @Override
    void close();
}
