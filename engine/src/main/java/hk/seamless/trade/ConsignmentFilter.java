package hk.seamless.trade;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a shipper or agent narrows their consignment list by: text found in the CCRN or a party's
 * name, and the status in force now (so a consignment past its date counts as EXPIRED even before
 * anything has written that down).
 *
 * @param text   searched for in the CCRN, the consignor's and the consignee's name, ignoring case;
 *               null for any
 * @param status null for any
 */
public record ConsignmentFilter(String text, ConsignmentStatus status, Instant now, LodgementWindow window)
        implements Predicate<Consignment> {

    public ConsignmentFilter {
        text = text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(Consignment c) {
        if (status != null && c.statusAt(now, window) != status) {
            return false;
        }
        return text == null
                || ccrnMatches(c.ccrn())
                || contains(c.cargo().consignor().name())
                || contains(c.cargo().consignee().name());
    }

    /** A CCRN is often typed or pasted in groups ("2611 2345-6789"): the separators are not part of it. */
    private boolean ccrnMatches(String ccrn) {
        StringBuilder digits = new StringBuilder();
        text.codePoints().filter(cp -> !Separators.isSeparator(cp)).forEach(digits::appendCodePoint);
        return !digits.isEmpty() && ccrn.contains(digits);
    }

    private boolean contains(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).contains(text);
    }
}
