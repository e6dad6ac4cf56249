package be.caisse.affiliation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.caisse.common.domain.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A person's health insurer over time: the period of a day, a change ahead, a correction of the same day. */
class MutualityPeriodsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final LocalDate BIRTH = LocalDate.of(1981, 5, 5);
    static final MutualityPeriods HISTORY = new MutualityPeriods(List.of(
            new MutualityPeriods.Period("500", LocalDate.of(2027, 1, 1)),
            new MutualityPeriods.Period("300", LocalDate.of(2010, 1, 1))));

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({"2009-12-31, ''", "2010-01-01, 300", "2026-12-31, 300", "2027-01-01, 500", "2099-01-01, 500"})
    void theInsurerOfADay(LocalDate day, String expected) {
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), HISTORY.on(day));
    }

    @ParameterizedTest(name = "{0} from {1} → {2}")
    @CsvSource({
            "100, 2020-07-01, 300@2010-01-01 100@2020-07-01 500@2027-01-01",
            "400, 2010-01-01, 400@2010-01-01 500@2027-01-01",              // the same day corrects the period
            "200, 2027-06-01, 300@2010-01-01 500@2027-01-01 200@2027-06-01", // 6 months ahead: the last day allowed
    })
    void aPeriodIsAddedOrCorrected(String mutuality, LocalDate from, String expected) {
        MutualityPeriods after = HISTORY.with(new MutualityPeriods.Period(mutuality, from), BIRTH, TODAY);
        assertEquals(expected, String.join(" ", after.periods().stream().map(p -> p.mutuality() + "@" + p.validFrom()).toList()));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({"2027-06-02, mutuality-too-far-ahead", "9999-12-31, mutuality-too-far-ahead", "1981-05-04, mutuality-before-birth"})
    void implausibleStartsAreRefused(LocalDate from, String code) {
        RuleViolation v = assertThrows(RuleViolation.class, () -> HISTORY.with(new MutualityPeriods.Period("100", from), BIRTH, TODAY));
        assertEquals(code, v.code());
        assertEquals("validFrom", v.issues().get(0).field());
    }
}
