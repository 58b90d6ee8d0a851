package hk.seamless.ivrs;

import hk.seamless.config.Direction;
import hk.seamless.trade.ConsignmentStatus;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

final class EnglishPhrases extends Phrases {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a 'on' EEEE d MMMM", Locale.UK);

    @Override
    public Language language() {
        return Language.ENGLISH;
    }

    @Override
    public String greeting() {
        return "Welcome to Seamless, the Hong Kong customs phone line for road cargo. For English, press 1.";
    }

    @Override
    public String accountNumber() {
        return "Please key your 8 digit phone account number.";
    }

    @Override
    public String accountNumberLength() {
        return "A phone account number has 8 digits.";
    }

    @Override
    public String pin() {
        return "Please key your PIN, then press hash.";
    }

    @Override
    public String wrongAccountOrPin() {
        return "The account number or the PIN is not correct.";
    }

    @Override
    public String locked(Instant until) {
        return "Too many wrong PINs have been keyed for this account, so phone access is locked. Please call again after "
                + time(until) + ", Hong Kong time. Goodbye.";
    }

    @Override
    public String tooManyWrongPins() {
        return "Too many wrong attempts in this call. Goodbye.";
    }

    @Override
    public String notAllowed() {
        return "This account cannot use the phone line. Please contact customs. Goodbye.";
    }

    @Override
    public String noLongerAllowed() {
        return "This account can no longer use the phone line, so nothing was changed. Please contact customs. Goodbye.";
    }

    @Override
    public String noVehicles() {
        return "You have no registered vehicles. Please register a vehicle on the portal first. Goodbye.";
    }

    @Override
    public String vehicleOption(String markDisplay, int key) {
        return "For " + spellMark(markDisplay) + ", press " + key + ".";
    }

    @Override
    public String moreVehicles() {
        return "For more vehicles, press 0.";
    }

    @Override
    public String chooseDirection() {
        return "For import into Hong Kong, press 1. For export from Hong Kong, press 2.";
    }

    @Override
    public String direction(Direction direction) {
        return direction == Direction.IMPORT ? "import" : "export";
    }

    @Override
    public String chooseAction(String markDisplay, Direction direction) {
        return spellMark(markDisplay) + ", " + direction(direction) + ". To bundle consignments, press 1."
                + " To unbundle the active bundle, press 2.";
    }

    @Override
    public String firstCcrn() {
        return "Key the 16 digit C C R N, then press hash. When you have keyed them all, press star.";
    }

    @Override
    public String nextCcrn() {
        return "Key the next C C R N, then press hash, or press star when you have keyed them all.";
    }

    @Override
    public String accepted(String ccrn) {
        return "Accepted: " + spellCcrn(ccrn) + ".";
    }

    @Override
    public String wrongCheckDigit() {
        return "The check digit is wrong: that number was mistyped. Please key it again.";
    }

    @Override
    public String wrongLength(int keyed) {
        return "A C C R N has 16 digits; you keyed " + keyed + ". Please key it again.";
    }

    @Override
    public String duplicate(String ccrn) {
        return "You have already keyed " + spellCcrn(ccrn) + ".";
    }

    @Override
    public String noCcrnYet() {
        return "You have not keyed any C C R N yet.";
    }

    @Override
    public String bundleFull(int max) {
        return "One bundle holds at most " + max + " C C R Ns.";
    }

    @Override
    public String confirmBundle(int count, String markDisplay, Direction direction) {
        return "Bundle " + consignments(count) + " to " + spellMark(markDisplay) + " for " + direction(direction)
                + "? To confirm, press 1. To cancel, press 2.";
    }

    @Override
    public String bundled(int count, String markDisplay, Direction direction, Instant earliestCrossing) {
        return "Done. " + consignments(count) + (count == 1 ? " is" : " are") + " bundled to "
                + spellMark(markDisplay) + " for " + direction(direction) + ". The earliest crossing time is "
                + time(earliestCrossing) + ", Hong Kong time. Goodbye.";
    }

    @Override
    public String cancelled() {
        return "Cancelled.";
    }

    @Override
    public String nothingBundled() {
        return "Nothing was bundled.";
    }

    @Override
    public String refusal(CallServices.Refusal r, String markDisplay, Direction direction) {
        return switch (r.kind()) {
            case ACTIVE_BUNDLE ->
                spellMark(markDisplay) + " already has an active bundle for " + direction(direction)
                        + ". Unbundle it first.";
            case VEHICLE_NOT_YOURS -> spellMark(markDisplay) + " is not registered to you.";
            case NO_SUCH_CCRN -> "No consignment has C C R N " + spellCcrn(r.ccrn()) + ".";
            case NOT_LODGED -> "Consignment " + spellCcrn(r.ccrn()) + " is " + status(r.status()) + ", not lodged.";
            case WRONG_DIRECTION ->
                "Consignment " + spellCcrn(r.ccrn()) + " is lodged for " + direction(r.direction()) + ", not "
                        + direction(direction) + ".";
            case TOO_MANY_ATTEMPTS -> tooManyBundlingFailures();
            case ACCOUNT_NOT_ALLOWED -> noLongerAllowed();
            case OTHER ->
                r.ccrn() == null
                        ? sentence(r.message())
                        : "C C R N " + spellCcrn(r.ccrn()) + " cannot be bundled: " + sentence(r.message());
        };
    }

    @Override
    public String tooManyBundlingFailures() {
        return "There have been too many failed bundling attempts. Please try again later. Goodbye.";
    }

    @Override
    public String confirmUnbundle(String markDisplay, Direction direction, int count, boolean empty) {
        return spellMark(markDisplay) + " has an active bundle for " + direction(direction) + " with "
                + (empty ? "no cargo, declared empty" : consignments(count))
                + ". To unbundle it, press 1. To keep it, press 2.";
    }

    @Override
    public String noActiveBundle(String markDisplay, Direction direction) {
        return spellMark(markDisplay) + " has no active bundle for " + direction(direction) + ".";
    }

    @Override
    public String unbundled(int count) {
        return "Done. The bundle is cancelled"
                + (count == 0
                        ? ""
                        : ", and its " + consignments(count) + (count == 1 ? " is" : " are") + " lodged again")
                + ". Goodbye.";
    }

    @Override
    public String kept() {
        return "The bundle is kept.";
    }

    @Override
    public String bundleGone() {
        return "That bundle can no longer be unbundled.";
    }

    @Override
    public String didNotHear() {
        return "Sorry, we did not hear anything.";
    }

    @Override
    public String silenceGoodbye() {
        return "We have not heard from you, so we will end this call. Thank you for calling. Goodbye.";
    }

    @Override
    public String useKeypad() {
        return "Please use the telephone keypad.";
    }

    @Override
    public String notAChoice() {
        return "That is not one of the choices.";
    }

    @Override
    public String tooManyAttempts() {
        return "Sorry, that did not work. Please call again. Goodbye.";
    }

    @Override
    public String technicalProblem() {
        return "Sorry, we cannot take your call now because of a technical problem. Please try again later. Goodbye.";
    }

    @Override
    public String time(Instant instant) {
        return TIME.format(ZonedDateTime.ofInstant(instant, hk.seamless.config.HongKong.TIME_ZONE))
                .replace("AM", "am")
                .replace("PM", "pm");
    }

    private static String consignments(int count) {
        return count + (count == 1 ? " consignment" : " consignments");
    }

    private static String status(ConsignmentStatus status) {
        return status == null ? "not available" : status.name().toLowerCase(Locale.ROOT);
    }

    private static String sentence(String message) {
        String m = message == null || message.isBlank() ? "the rules refused it" : message.strip();
        return m.endsWith(".") ? m : m + ".";
    }
}
