package hk.seamless.lanesim;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The lane devices' messages, as the engine's contract has them: an OpenALPR {@code alpr_results}
 * document for a plate read, an EPC for a tag read, a press of the EMPTY button. On a lane stream
 * each carries {@code "kind"}; posted over HTTP it does not.
 */
final class LaneMessages {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private LaneMessages() {
    }

    /** What the camera saw: the best plate text and its confidence, maybe a Guangdong plate next to it. */
    record PlateSeen(String text, double confidence, String guangdongPlate) {
    }

    /** The plate a camera reports for this vehicle in this scenario. */
    static PlateSeen plateSeen(Scenario scenario, SimVehicle vehicle, SplittableRandom random) {
        String plain = vehicle.canonical; // ANPR software reports plates without spaces
        return switch (scenario) {
            case MISREAD -> new PlateSeen(misread(plain), 85 + random.nextInt(100) / 10.0, null);
            case LOWCONF -> new PlateSeen(plain, 35 + random.nextInt(250) / 10.0, null);
            default -> new PlateSeen(plain, 86 + random.nextInt(120) / 10.0,
                    // A cross-boundary truck also shows its Guangdong plate; the engine must not take it for the HK mark.
                    (plain.startsWith("FU") || plain.startsWith("FV")) && random.nextInt(3) == 0
                            ? "粤Z·" + (char) ('A' + random.nextInt(8)) + (100 + random.nextInt(900)) + "港" : null);
        };
    }

    /**
     * The mark as a camera misreads it: a digit taken for its look-alike letter (8 as B, 5 as S,
     * 2 as Z, 6 as G), else a 1 taken for I or a 0 for O. The digits part of an ordinary mark
     * only: the result is never another ordinary mark.
     */
    static String misread(String canonical) {
        StringBuilder out = new StringBuilder(canonical);
        for (int i = 2; i < out.length(); i++) {
            switch (out.charAt(i)) {
                case '8' -> { out.setCharAt(i, 'B'); return out.toString(); }
                case '5' -> { out.setCharAt(i, 'S'); return out.toString(); }
                case '2' -> { out.setCharAt(i, 'Z'); return out.toString(); }
                case '6' -> { out.setCharAt(i, 'G'); return out.toString(); }
                default -> { }
            }
        }
        for (int i = 2; i < out.length(); i++) {
            if (out.charAt(i) == '1') {
                out.setCharAt(i, 'I');
                return out.toString();
            }
            if (out.charAt(i) == '0') {
                out.setCharAt(i, 'O');
                return out.toString();
            }
        }
        throw new IllegalArgumentException(canonical + " has no digit a camera could misread");
    }

    static String plate(PlateSeen seen, Instant at, boolean stream) {
        String confidence = String.format(Locale.ROOT, "%.1f", seen.confidence());
        StringBuilder json = new StringBuilder(512).append('{');
        if (stream) {
            json.append("\"kind\":\"plate\",");
        }
        json.append("\"version\":2,\"data_type\":\"alpr_results\",\"epoch_time\":").append(at.toEpochMilli())
                .append(",\"img_width\":1920,\"img_height\":1080,\"processing_time_ms\":41.7,\"results\":[");
        json.append("{\"plate\":").append(JsonText.quote(seen.text())).append(",\"confidence\":").append(confidence)
                .append(",\"matches_template\":1,\"region\":\"hk\",\"candidates\":[")
                .append("{\"plate\":").append(JsonText.quote(seen.text())).append(",\"confidence\":").append(confidence).append('}');
        String variant = candidateVariant(seen.text());
        if (variant != null) {
            json.append(",{\"plate\":").append(JsonText.quote(variant)).append(",\"confidence\":")
                    .append(String.format(Locale.ROOT, "%.1f", seen.confidence() * 0.8)).append('}');
        }
        json.append("]}");
        if (seen.guangdongPlate() != null) {
            json.append(",{\"plate\":").append(JsonText.quote(seen.guangdongPlate()))
                    .append(",\"confidence\":97.2,\"region\":\"cn-gd\",\"candidates\":[]}");
        }
        return json.append("]}").toString();
    }

    /** An ANPR's less likely reading: the last digit taken for a letter. Never an ordinary mark. */
    static String candidateVariant(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char last = text.charAt(text.length() - 1);
        char letter = switch (last) {
            case '8' -> 'B';
            case '5' -> 'S';
            case '2' -> 'Z';
            case '6' -> 'G';
            case '0' -> 'D';
            default -> 0;
        };
        return letter == 0 ? null : text.substring(0, text.length() - 1) + letter;
    }

    static String tag(String epc, Instant at, boolean stream) {
        return "{" + (stream ? "\"kind\":\"tag\"," : "") + JsonText.field("epc", epc)
                + ",\"antenna\":1,\"rssi\":-52.5," + JsonText.field("seenAt", TIME.format(at.atZone(HONG_KONG))) + "}";
    }

    static String empty(Instant at, boolean stream) {
        return "{" + (stream ? "\"kind\":\"empty\"," : "") + JsonText.field("pressedAt", TIME.format(at.atZone(HONG_KONG))) + "}";
    }
}
