package be.caisse.benefits.domain;

import be.caisse.common.i18n.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The mentions every decision carries under art. 14 of the Charter (REFERENCE.md §4, §10.7): the appeal to the
 * competent labour court and its address, the deadline (3 months from the notification) and how to appeal, the text
 * of Judicial Code art. 728 and 1017, the file reference and the service, where to get explanations. Without them
 * the appeal deadline does not run, so a decision is never notified without them.
 */
public final class AppealMentions {
    public static final int APPEAL_MONTHS = 3;
    /** The mentions without which the appeal deadline does not run (art. 14): an unknown court is a missing mention. */
    public static final List<String> REQUIRED = List.of("appeal.court", "appeal.deadline", "appeal.how", "appeal.article-728",
            "appeal.article-1017", "appeal.file", "appeal.explanations");

    private AppealMentions() {
    }

    public record Mentions(String court, String courtAddress, boolean courtConfirmed, LocalDate appealBy, String fileReference,
                           List<Text> texts) {
    }

    public static Mentions of(LabourCourts courts, String postalCode, String language, LocalDate notified, String fileReference,
                              String service) {
        LabourCourts.Court court = courts.competentFor(postalCode, language).orElse(null);
        LocalDate appealBy = notified.plusMonths(APPEAL_MONTHS);
        List<Text> texts = new ArrayList<>();
        texts.add(court == null ? Text.of("appeal.court-unknown")
                : Text.of("appeal.court", court.name(), court.address()));
        texts.add(Text.of("appeal.deadline", APPEAL_MONTHS, appealBy));
        texts.add(Text.of("appeal.how"));
        texts.add(Text.of("appeal.article-728"));
        texts.add(Text.of("appeal.article-1017"));
        texts.add(Text.of("appeal.file", fileReference, service));
        texts.add(Text.of("appeal.explanations", service));
        return new Mentions(court == null ? null : court.name(), court == null ? null : court.address(),
                court != null && court.confirmed(), appealBy, fileReference, List.copyOf(texts));
    }

    /** Whether a notified decision carried every mention of art. 14 (the keys of its stored texts) and its deadline. */
    public static boolean complete(List<String> keys, LocalDate appealBy) {
        return appealBy != null && keys.containsAll(REQUIRED);
    }
}
