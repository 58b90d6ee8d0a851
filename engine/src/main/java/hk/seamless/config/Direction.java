package hk.seamless.config;

/** Which way a truck crosses, seen from Hong Kong: IMPORT comes in (southbound), EXPORT goes out. */
public enum Direction {
    IMPORT,
    EXPORT
}
