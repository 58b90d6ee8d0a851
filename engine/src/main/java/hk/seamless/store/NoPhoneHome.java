package hk.seamless.store;

/**
 * Chronicle's libraries send usage analytics to the internet by default. A customs system must not
 * phone home, so the switch is thrown before any Chronicle class initialises: from {@code main}
 * and from the store opener, whichever runs first.
 */
public final class NoPhoneHome {

    public static final String CHRONICLE_ANALYTICS = "chronicle.analytics.disable";

    private NoPhoneHome() {}

    public static void ensure() {
        System.setProperty(CHRONICLE_ANALYTICS, "true");
        // Chronicle also prints a start-up banner with a link; not a call out, but noise in the logs.
        System.setProperty("chronicle.announcer.disable", "true");
    }
}
