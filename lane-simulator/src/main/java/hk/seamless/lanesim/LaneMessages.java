package hk.seamless.lanesim;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
    /** The alpr_results document up to its epoch_time, on a lane stream (with "kind") and posted (without). */
    private static final String PLATE_HEAD_STREAM =
            "{\"kind\":\"plate\",\"version\":2,\"data_type\":\"alpr_results\",\"epoch_time\":";

    private static final String PLATE_HEAD = "{\"version\":2,\"data_type\":\"alpr_results\",\"epoch_time\":";
    private static final String PLATE_RESULTS =
            ",\"img_width\":1920,\"img_height\":1080,\"processing_time_ms\":41.7,\"results\":[";

    private LaneMessages() {}

    /** One of the ANPR's readings of a plate, with its confidence (0 to 100). */
    record Candidate(String plate, double confidence) {}

    /**
     * What the camera saw: the best plate text and its confidence, maybe a Guangdong plate next to
     * it, and the ANPR's candidates ({@code null}: the best text and its usual less likely reading).
     */
    record PlateSeen(String text, double confidence, String guangdongPlate, List<Candidate> candidates) {

        PlateSeen(String text, double confidence, String guangdongPlate) {
            this(text, confidence, guangdongPlate, null);
        }
    }

    /** A confidence well above any threshold a lane is likely to use (86.0 to 97.9). */
    static double confident(SplittableRandom random) {
        return 86 + random.nextInt(120) / 10.0;
    }

    /** The plate a camera reports for this vehicle in this scenario (the first frame of several for MULTIFRAME). */
    static PlateSeen plateSeen(Scenario scenario, SimVehicle vehicle, SplittableRandom random) {
        return plateSeen(scenario, vehicle, random, 80);
    }

    /** @param threshold the lane's confidence threshold: a LOWCAND's candidates stay below it */
    static PlateSeen plateSeen(Scenario scenario, SimVehicle vehicle, SplittableRandom random, int threshold) {
        String plain = vehicle.canonical; // ANPR software reports plates without spaces
        return switch (scenario) {
            case MISREAD -> new PlateSeen(misread(plain), 85 + random.nextInt(100) / 10.0, null);
            case LOWCONF -> new PlateSeen(plain, 35 + random.nextInt(250) / 10.0, null);
            case TWIN -> {
                double c = confident(random);
                yield new PlateSeen(plain, c, null, List.of(new Candidate(plain, c)));
            }
            case LOWCAND -> lowConfidenceCandidates(plain, random, threshold);
            default ->
                new PlateSeen(
                        plain,
                        confident(random),
                        // A cross-boundary truck also shows its Guangdong plate; the engine must not take it for the HK
                        // mark.
                        (plain.startsWith("FU") || plain.startsWith("FV")) && random.nextInt(3) == 0
                                ? "粤Z·" + (char) ('A' + random.nextInt(8)) + (100 + random.nextInt(900)) + "港"
                                : null);
        };
    }

    /**
     * A confident best plate that names no vehicle (the mark with a letter K the plate does not
     * carry: no look-alike pair has K) and, as candidates, the right mark and its misread, both
     * below the confidence threshold: they must not identify the vehicle.
     */
    static PlateSeen lowConfidenceCandidates(String plain, SplittableRandom random, int threshold) {
        double best = confident(random);
        double low = Math.max(1, threshold - 1 - random.nextInt(20));
        List<Candidate> candidates =
                new ArrayList<>(List.of(new Candidate(plain + "K", best), new Candidate(plain, low)));
        boolean misreadable = plain.chars().skip(2).anyMatch(c -> "25680".indexOf(c) >= 0 || c == '1');
        if (misreadable) {
            candidates.add(new Candidate(misread(plain), Math.max(1, low - 3)));
        }
        return new PlateSeen(plain + "K", best, null, List.copyOf(candidates));
    }

    /**
     * The frames a camera posts of one vehicle as it drives up (2 to 4): the mark, then in turn a
     * look-alike misread of it and the mark again, each confident and each with the ANPR's usual
     * candidates. All name the same vehicle under the look-alike rules.
     */
    static List<PlateSeen> frames(SimVehicle vehicle, SplittableRandom random) {
        int count = 2 + random.nextInt(3);
        List<PlateSeen> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = i % 2 == 1 ? misread(vehicle.canonical) : vehicle.canonical;
            frames.add(new PlateSeen(text, confident(random), null));
        }
        return frames;
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
                case '8' -> {
                    out.setCharAt(i, 'B');
                    return out.toString();
                }
                case '5' -> {
                    out.setCharAt(i, 'S');
                    return out.toString();
                }
                case '2' -> {
                    out.setCharAt(i, 'Z');
                    return out.toString();
                }
                case '6' -> {
                    out.setCharAt(i, 'G');
                    return out.toString();
                }
                default -> {}
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

    /** "0.0" to "100.0": a confidence in tenths, as the cameras' software writes it. */
    private static final String[] TENTHS = new String[1001];

    static {
        for (int i = 0; i < TENTHS.length; i++) {
            TENTHS[i] = String.format(Locale.ROOT, "%.1f", i / 10.0);
        }
    }

    /**
     * {@code String.format(Locale.ROOT, "%.1f", value)}, the same text, looked up for the tenths the
     * simulator draws its confidences in: about 1 µs a figure for the {@code Formatter} against a
     * few nanoseconds, three figures an arrival, on the single sender thread.
     */
    static String oneDecimal(double value) {
        double tenths = value * 10;
        long nearest = Math.round(tenths);
        if (nearest >= 0 && nearest < TENTHS.length && Math.abs(tenths - nearest) < 1e-6) {
            return TENTHS[(int) nearest];
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * The plate read: a fixed template (the hot path, one a read) with the texts put in through
     * {@link JsonTemplate}, which escapes them as JSON.
     */
    static String plate(PlateSeen seen, Instant at, boolean stream) {
        String confidence = oneDecimal(seen.confidence());
        StringBuilder json = new StringBuilder(512)
                .append(stream ? PLATE_HEAD_STREAM : PLATE_HEAD)
                .append(at.toEpochMilli())
                .append(PLATE_RESULTS)
                .append("{\"plate\":");
        JsonTemplate.string(json, seen.text())
                .append(",\"confidence\":")
                .append(confidence)
                .append(",\"matches_template\":1,\"region\":\"hk\",\"candidates\":[");
        List<Candidate> candidates = seen.candidates();
        if (candidates == null) {
            candidates = new ArrayList<>(List.of(new Candidate(seen.text(), seen.confidence())));
            String variant = candidateVariant(seen.text());
            if (variant != null) {
                candidates.add(new Candidate(variant, seen.confidence() * 0.8));
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            JsonTemplate.string(json.append(i == 0 ? "{\"plate\":" : ",{\"plate\":"), c.plate())
                    .append(",\"confidence\":")
                    .append(oneDecimal(c.confidence()))
                    .append('}');
        }
        json.append("]}");
        if (seen.guangdongPlate() != null) {
            JsonTemplate.string(json.append(",{\"plate\":"), seen.guangdongPlate())
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
        StringBuilder json = new StringBuilder(128).append(stream ? "{\"kind\":\"tag\"," : "{");
        JsonTemplate.field(json, "epc", epc).append(",\"antenna\":1,\"rssi\":-52.5,");
        return JsonTemplate.field(json, "seenAt", TIME.format(at.atZone(HONG_KONG)))
                .append('}')
                .toString();
    }

    static String empty(Instant at, boolean stream) {
        StringBuilder json = new StringBuilder(96).append(stream ? "{\"kind\":\"empty\"," : "{");
        return JsonTemplate.field(json, "pressedAt", TIME.format(at.atZone(HONG_KONG)))
                .append('}')
                .toString();
    }
}
