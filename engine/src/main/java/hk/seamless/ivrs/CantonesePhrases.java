package hk.seamless.ivrs;

import hk.seamless.config.Direction;
import hk.seamless.trade.ConsignmentStatus;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;

final class CantonesePhrases extends Phrases {

    private static final String[] WEEKDAYS = {"一", "二", "三", "四", "五", "六", "日"};

    @Override
    public Language language() {
        return Language.CANTONESE;
    }

    @Override
    public String greeting() {
        return "歡迎致電海關道路貨物電話服務。廣東話請按2。";
    }

    @Override
    public String accountNumber() {
        return "請輸入你嘅8位數字電話戶口號碼。";
    }

    @Override
    public String accountNumberLength() {
        return "電話戶口號碼有8位數字。";
    }

    @Override
    public String pin() {
        return "請輸入你嘅密碼，然後按井字鍵。";
    }

    @Override
    public String wrongAccountOrPin() {
        return "戶口號碼或者密碼唔正確。";
    }

    @Override
    public String locked(Instant until) {
        return "呢個戶口輸入錯誤密碼太多次，電話服務已經暫停。請喺香港時間" + time(until) + "之後再打嚟。再見。";
    }

    @Override
    public String tooManyWrongPins() {
        return "今次通話錯誤太多次。再見。";
    }

    @Override
    public String notAllowed() {
        return "呢個戶口唔可以使用電話服務，請聯絡海關。再見。";
    }

    @Override
    public String noLongerAllowed() {
        return "呢個戶口已經唔可以再使用電話服務，所以冇作出任何更改。請聯絡海關。再見。";
    }

    @Override
    public String noVehicles() {
        return "你未有登記任何車輛。請先喺網上登記車輛。再見。";
    }

    @Override
    public String vehicleOption(String markDisplay, int key) {
        return spellMark(markDisplay) + "，請按" + key + "。";
    }

    @Override
    public String moreVehicles() {
        return "其他車輛，請按0。";
    }

    @Override
    public String chooseDirection() {
        return "進口香港，請按1。出口，請按2。";
    }

    @Override
    public String direction(Direction direction) {
        return direction == Direction.IMPORT ? "進口" : "出口";
    }

    @Override
    public String chooseAction(String markDisplay, Direction direction) {
        return spellMark(markDisplay) + "，" + direction(direction) + "。綑綁貨物，請按1。取消現有嘅綑綁，請按2。";
    }

    @Override
    public String firstCcrn() {
        return "請輸入16位數字嘅海關貨物參考編號，然後按井字鍵。全部輸入完，請按星號鍵。";
    }

    @Override
    public String nextCcrn() {
        return "請輸入下一個編號，然後按井字鍵；全部輸入完，請按星號鍵。";
    }

    @Override
    public String accepted(String ccrn) {
        return "已經接受：" + spellCcrn(ccrn) + "。";
    }

    @Override
    public String wrongCheckDigit() {
        return "檢查號碼唔啱，呢個編號打錯咗。請再輸入一次。";
    }

    @Override
    public String wrongLength(int keyed) {
        return "編號有16位數字，你輸入咗" + keyed + "位。請再輸入一次。";
    }

    @Override
    public String duplicate(String ccrn) {
        return "你已經輸入咗" + spellCcrn(ccrn) + "。";
    }

    @Override
    public String noCcrnYet() {
        return "你仲未輸入任何編號。";
    }

    @Override
    public String bundleFull(int max) {
        return "一個綑綁最多可以有" + max + "個編號。";
    }

    @Override
    public String confirmBundle(int count, String markDisplay, Direction direction) {
        return "將" + count + "批貨物綑綁到" + spellMark(markDisplay) + "，" + direction(direction) + "。確認，請按1。取消，請按2。";
    }

    @Override
    public String bundled(int count, String markDisplay, Direction direction, Instant earliestCrossing) {
        return "完成。" + count + "批貨物已經綑綁到" + spellMark(markDisplay) + "，" + direction(direction) + "。最早過境時間係香港時間"
                + time(earliestCrossing) + "。再見。";
    }

    @Override
    public String cancelled() {
        return "已經取消。";
    }

    @Override
    public String nothingBundled() {
        return "冇綑綁任何貨物。";
    }

    @Override
    public String refusal(CallServices.Refusal r, String markDisplay, Direction direction) {
        return switch (r.kind()) {
            case ACTIVE_BUNDLE -> spellMark(markDisplay) + "已經有" + direction(direction) + "嘅有效綑綁，請先取消。";
            case VEHICLE_NOT_YOURS -> spellMark(markDisplay) + "唔係登記喺你名下。";
            case NO_SUCH_CCRN -> "搵唔到編號" + spellCcrn(r.ccrn()) + "嘅貨物。";
            case NOT_LODGED -> "編號" + spellCcrn(r.ccrn()) + "嘅貨物" + status(r.status()) + "，唔可以綑綁。";
            case WRONG_DIRECTION ->
                "編號" + spellCcrn(r.ccrn()) + "嘅貨物係" + direction(r.direction()) + "，唔係" + direction(direction) + "。";
            case TOO_MANY_ATTEMPTS -> tooManyBundlingFailures();
            case ACCOUNT_NOT_ALLOWED -> noLongerAllowed();
            case OTHER -> r.ccrn() == null ? "呢次綑綁唔成功。" : "編號" + spellCcrn(r.ccrn()) + "唔可以綑綁。";
        };
    }

    @Override
    public String tooManyBundlingFailures() {
        return "綑綁失敗嘅次數太多。請遲啲再試。再見。";
    }

    @Override
    public String confirmUnbundle(String markDisplay, Direction direction, int count, boolean empty) {
        return spellMark(markDisplay) + "有一個" + direction(direction) + "嘅有效綑綁，"
                + (empty ? "申報咗吉車" : "有" + count + "批貨物") + "。取消綑綁，請按1。保留，請按2。";
    }

    @Override
    public String noActiveBundle(String markDisplay, Direction direction) {
        return spellMark(markDisplay) + "冇" + direction(direction) + "嘅有效綑綁。";
    }

    @Override
    public String unbundled(int count) {
        return "完成。綑綁已經取消" + (count == 0 ? "" : "，" + count + "批貨物已經恢復為已遞交") + "。再見。";
    }

    @Override
    public String kept() {
        return "綑綁已經保留。";
    }

    @Override
    public String bundleGone() {
        return "呢個綑綁已經唔可以取消。";
    }

    @Override
    public String didNotHear() {
        return "對唔住，聽唔到你輸入。";
    }

    @Override
    public String silenceGoodbye() {
        return "因為收唔到你嘅輸入，我哋會結束今次通話。多謝你嘅來電，再見。";
    }

    @Override
    public String useKeypad() {
        return "請用電話按鍵輸入。";
    }

    @Override
    public String notAChoice() {
        return "冇呢個選擇。";
    }

    @Override
    public String tooManyAttempts() {
        return "對唔住，唔成功。請再打嚟。再見。";
    }

    @Override
    public String technicalProblem() {
        return "對唔住，因為系統問題，暫時未能處理你嘅來電。請遲啲再試。再見。";
    }

    @Override
    public String time(Instant instant) {
        ZonedDateTime t = ZonedDateTime.ofInstant(instant, hk.seamless.config.HongKong.TIME_ZONE);
        int hour = t.getHour();
        String period = hour < 6 ? "凌晨" : hour < 12 ? "上午" : hour == 12 ? "中午" : hour < 18 ? "下午" : "晚上";
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        return t.getMonthValue() + "月" + t.getDayOfMonth() + "日（星期"
                + WEEKDAYS[t.getDayOfWeek().getValue() - 1] + "）" + period + twelve + "時"
                + String.format(Locale.ROOT, "%02d", t.getMinute()) + "分";
    }

    private static String status(ConsignmentStatus status) {
        if (status == null) {
            return "唔可以用";
        }
        return switch (status) {
            case LODGED -> "已遞交";
            case BUNDLED -> "已經綑綁咗";
            case CROSSED -> "已經過境";
            case CANCELLED -> "已經取消咗";
            case EXPIRED -> "已經過期";
        };
    }
}
