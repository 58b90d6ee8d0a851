package hk.seamless.ivrs;

/** The languages of the phone line, with the tag a voice platform's text-to-speech takes. */
public enum Language {
    ENGLISH("en-GB"),
    CANTONESE("zh-HK");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
