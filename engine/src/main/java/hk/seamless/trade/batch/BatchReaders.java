package hk.seamless.trade.batch;

import java.util.Locale;

/** Picks the reader for an upload from its declared content type, falling back to its name. */
public final class BatchReaders {

    /** Row limit used by {@link #forContentType(String, String)}. */
    public static final int DEFAULT_MAX_ROWS = 20_000;

    private BatchReaders() {}

    /**
     * Same as {@link #forContentType(String, String, int)} with {@link #DEFAULT_MAX_ROWS}.
     *
     * @return the reader, or {@code null} when neither the type nor the name is CSV or XML (the
     *     caller answers 415 Unsupported Media Type)
     */
    public static BatchReader forContentType(String contentType, String fileName) {
        return forContentType(contentType, fileName, DEFAULT_MAX_ROWS);
    }

    /**
     * Chooses by content type first; when the type is missing or unknown the file name decides.
     * The fallback matters: browsers on Windows send {@code .csv} files as
     * {@code application/vnd.ms-excel}, and many tools send {@code application/octet-stream}.
     */
    public static BatchReader forContentType(String contentType, String fileName, int maxRows) {
        String type = mediaType(contentType);
        if (type.equals("text/csv") || type.equals("application/csv")) {
            return new CsvBatchReader(maxRows);
        }
        if (type.equals("application/xml") || type.equals("text/xml")) {
            return new XmlBatchReader(maxRows);
        }
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvBatchReader(maxRows);
        }
        if (name.endsWith(".xml")) {
            return new XmlBatchReader(maxRows);
        }
        return null;
    }

    /** "Text/CSV; charset=UTF-8" -> "text/csv". */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
