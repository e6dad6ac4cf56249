package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.contribution.domain.YearPaymentStatus.QuarterFacts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contribution slip's condition (REFERENCE.md §6: the caisse checks a year's payment before sending the slip that
 * opens the health-care rights), as a mutuality asks it. Each quarter: L liable, X exempted (rights kept), N notice
 * issued, S settled; "-" not liable.
 */
class YearPaymentStatusTest {
    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource({
            "LNS LNS LNS LNS, PAID,       PAID PAID PAID PAID",
            "- LNS LNS LNS,   PAID,       NOT_LIABLE PAID PAID PAID",
            "LNS LN LNS LNS,  UNPAID,     PAID UNPAID PAID PAID",
            "LNS L LNS LNS,   UNPAID,     PAID UNPAID PAID PAID",       // liable without a notice yet: not paid
            "LS LNS LNS LNS,  UNPAID,     UNPAID PAID PAID PAID",       // a credit without a notice is not a paid quarter
            "LNS LX LX LNS,   PAID,       PAID EXEMPTED EXEMPTED PAID", // carer leave, maternity: rights kept
            "LX LX LX LX,     PAID,       EXEMPTED EXEMPTED EXEMPTED EXEMPTED",
            "- - - -,         NOT_LIABLE, NOT_LIABLE NOT_LIABLE NOT_LIABLE NOT_LIABLE",
            "XNS - - -,       NOT_LIABLE, NOT_LIABLE NOT_LIABLE NOT_LIABLE NOT_LIABLE",
    })
    void theYearIsPaidWhenEveryLiableQuarterIsPaidOrExempted(String quarters, YearPaymentStatus.Status status, String lines) {
        List<QuarterFacts> facts = new ArrayList<>();
        String[] q = quarters.trim().split("\\s+");
        for (int i = 0; i < 4; i++) {
            String f = q[i];
            facts.add(new QuarterFacts("2025-Q" + (i + 1), f.contains("L"), f.contains("X"), f.contains("N"), f.contains("S")));
        }
        YearPaymentStatus.Result result = YearPaymentStatus.of(2025, facts);
        assertEquals(status, result.status());
        assertEquals(List.of(lines.trim().split("\\s+")), result.quarters().stream().map(l -> l.status().name()).toList());
    }
}
