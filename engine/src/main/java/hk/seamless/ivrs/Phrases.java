package hk.seamless.ivrs;

import hk.seamless.config.Direction;
import java.time.Instant;

/**
 * Everything the phone line says, in English and in Cantonese (written in Traditional Chinese, as
 * Hong Kong text-to-speech voices read it). Numbers a caller must check (marks, CCRNs) are spelled
 * out character by character, because a voice reads "1234" as "one thousand two hundred...".
 */
public abstract sealed class Phrases permits EnglishPhrases, CantonesePhrases {

    public static final Phrases ENGLISH = new EnglishPhrases();
    public static final Phrases CANTONESE = new CantonesePhrases();

    public static Phrases of(Language language) {
        return language == Language.CANTONESE ? CANTONESE : ENGLISH;
    }

    public abstract Language language();

    public abstract String greeting();

    public abstract String accountNumber();

    public abstract String accountNumberLength();

    public abstract String pin();

    public abstract String wrongAccountOrPin();

    public abstract String locked(Instant until);

    public abstract String tooManyWrongPins();

    public abstract String notAllowed();

    /** The account was suspended while the call went on: said instead of doing what was asked. */
    public abstract String noLongerAllowed();

    public abstract String noVehicles();

    public abstract String vehicleOption(String markDisplay, int key);

    public abstract String moreVehicles();

    public abstract String chooseDirection();

    public abstract String direction(Direction direction);

    public abstract String chooseAction(String markDisplay, Direction direction);

    public abstract String firstCcrn();

    public abstract String nextCcrn();

    public abstract String accepted(String ccrn);

    public abstract String wrongCheckDigit();

    public abstract String wrongLength(int keyed);

    public abstract String duplicate(String ccrn);

    public abstract String noCcrnYet();

    public abstract String bundleFull(int max);

    public abstract String confirmBundle(int count, String markDisplay, Direction direction);

    public abstract String bundled(int count, String markDisplay, Direction direction, Instant earliestCrossing);

    public abstract String cancelled();

    public abstract String nothingBundled();

    public abstract String refusal(CallServices.Refusal refusal, String markDisplay, Direction direction);

    public abstract String tooManyBundlingFailures();

    public abstract String confirmUnbundle(String markDisplay, Direction direction, int count, boolean empty);

    public abstract String noActiveBundle(String markDisplay, Direction direction);

    public abstract String unbundled(int count);

    public abstract String kept();

    public abstract String bundleGone();

    public abstract String didNotHear();

    public abstract String silenceGoodbye();

    public abstract String useKeypad();

    public abstract String notAChoice();

    public abstract String tooManyAttempts();

    public abstract String technicalProblem();

    public abstract String time(Instant instant);

    // ---- spelling, shared ----

    /** "FU 1234" as "F U 1 2 3 4": each character on its own, so no voice reads it as a word or a number. */
    public static String spellMark(String display) {
        StringBuilder out = new StringBuilder();
        for (char c : display.toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** "2612345678901234" as "2 6 1 2, 3 4 5 6, 7 8 9 0, 1 2 3 4": digit by digit, in groups of four. */
    public static String spellCcrn(String digits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0) {
                out.append(i % 4 == 0 ? ", " : " ");
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
