package hk.seamless.lanesim;

/** The start of a long text (an engine's answer, a message, a command's output) for a problem line. */
final class Excerpt {

    static final int LENGTH = 200;

    private Excerpt() {}

    static String of(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= LENGTH ? text : text.substring(0, LENGTH) + "...";
    }
}
