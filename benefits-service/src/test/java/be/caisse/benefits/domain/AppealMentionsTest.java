package be.caisse.benefits.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.i18n.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Charter of the socially insured art. 14: a refusal is complete only with every mention (the charter figure's rule). */
class AppealMentionsTest {
    static final LabourCourts COURTS = LabourCourts.parse(new java.io.InputStreamReader(
            AppealMentionsTest.class.getResourceAsStream("/courts/labour-courts.csv"), java.nio.charset.StandardCharsets.UTF_8));

    @org.junit.jupiter.api.Test
    void aRefusalForAnAddressNoCourtCoversIsIncomplete() {
        AppealMentions.Mentions m = AppealMentions.of(COURTS, null, "fr", LocalDate.of(2026, 3, 2), "BEN-2026-2", "Caisse");
        assertEquals(false, AppealMentions.complete(m.texts().stream().map(Text::key).toList(), m.appealBy()));
    }

    @ParameterizedTest(name = "without {0}: complete = {1}")
    @CsvSource({
            "nothing, true",
            "appeal.court, false",          // no competent court and address: the appeal deadline does not run
            "appeal.deadline, false",
            "appeal.how, false",
            "appeal.article-728, false",
            "appeal.article-1017, false",
            "appeal.file, false",
            "appeal.explanations, false",
            "appeal-by, false"})
    void aDecisionCarriesEveryMention(String missing, boolean complete) {
        LocalDate notified = LocalDate.of(2026, 3, 2);
        AppealMentions.Mentions m = AppealMentions.of(COURTS, "1000", "fr", notified, "BEN-2026-1", "Caisse");
        assertEquals(LocalDate.of(2026, 6, 2), m.appealBy()); // 3 months from the notification
        List<String> keys = new ArrayList<>(m.texts().stream().map(Text::key).toList());
        keys.remove(missing);
        assertEquals(complete, AppealMentions.complete(keys, missing.equals("appeal-by") ? null : m.appealBy()));
    }
}
