package hk.seamless.trade.batch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding shared by both readers, so both report bad bytes the same way. */
final class Utf8 {

    private Utf8() {}

    /**
     * Decodes strictly and drops a leading BOM. A lenient decoder would silently turn a Big5 or
     * GBK file into U+FFFD and lodge garbled names, so malformed UTF-8 stops the whole file, with
     * the byte offset and line of the first bad byte.
     *
     * @param hint how to fix it, appended to the message, e.g. "save it as UTF-8"
     */
    static String decode(byte[] file, String hint) {
        if (file.length >= 2
                && ((file[0] == (byte) 0xFF && file[1] == (byte) 0xFE)
                        || (file[0] == (byte) 0xFE && file[1] == (byte) 0xFF))) {
            throw new BatchFormatException("file", "file is UTF-16 encoded; " + hint);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file);
        CharBuffer out = CharBuffer.allocate(file.length); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (file[i] == '\n') {
                    line++;
                }
            }
            throw new BatchFormatException(
                    "file", "file is not valid UTF-8 (bad byte at offset " + offset + ", line " + line + "); " + hint);
        }
        out.flip();
        // Excel's "CSV UTF-8" and some XML writers start with a BOM; left in, it would corrupt the
        // first column name or come before the XML declaration.
        if (out.hasRemaining() && out.charAt(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }
}
