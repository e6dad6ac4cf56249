package be.caisse.benefits.domain;

import static be.caisse.benefits.domain.BenefitAmountsTest.AMOUNTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Droit passerelle, REFERENCE.md §3.2 and §10.2, with the reference's figures to the cent. */
class BridgingRightTest {
    /** §10.2: partial months from 1 May 2024, confirmed by UCM, rounded half-up to the cent. */
    @ParameterizedTest(name = "{0} days, family {1}: {2}")
    @CsvSource({
            "6,  true,  0.00",
            "7,  true,  511.80",
            "13, true,  511.80",
            "14, true,  1023.59",
            "20, true,  1023.59",
            "21, true,  1535.39",
            "27, true,  1535.39",
            "28, true,  2047.18",
            "31, true,  2047.18",
            "7,  false, 409.57",
            "14, false, 819.13",
            "21, false, 1228.70",
            "28, false, 1638.26",
    })
    void aPartialMonthOfTemporaryInterruption(int days, boolean family, BigDecimal amount) {
        BigDecimal monthly = BridgingRight.monthly(AMOUNTS, YearMonth.of(2024, 6), family).amount();
        assertEquals(amount.setScale(2), BridgingRight.partialMonth(monthly, days));
    }

    @ParameterizedTest(name = "month {0} of a resumed activity: {1} %")
    @CsvSource({"1, 75", "2, 50", "3, 25", "4, 0", "0, 0"})
    void combinedWithAResumedActivityForThreeMonthsAtMost(int month, int percent) {
        assertEquals(percent, BridgingRight.resumedActivityPercent(month));
    }

    @ParameterizedTest(name = "{0} months used, {1} asked: {2} granted")
    @CsvSource({"0, 12, 12", "0, 6, 6", "8, 6, 4", "12, 3, 0", "15, 1, 0"})
    void theBaseRightIsTwelveMonthsOverTheCareer(int used, int asked, int granted) {
        assertEquals(granted, BridgingRight.schedule(AMOUNTS, LocalDate.of(2024, 6, 10), asked, used, false).size());
    }

    @Test
    void eachMonthIsPaidAtTheAmountInForceThatMonth() {
        // a bankruptcy on 15 December 2024: January 2025 at the 1 May 2024 amount, February on at the 1 February 2025 one
        List<BridgingRight.Month> months = BridgingRight.schedule(AMOUNTS, LocalDate.of(2024, 12, 15), 3, 0, true);
        assertEquals(YearMonth.of(2025, 1), months.get(0).month());
        assertEquals(new BigDecimal("2047.18"), months.get(0).amount());
        assertEquals(new BigDecimal("2088.12"), months.get(1).amount());
        assertEquals("derived", months.get(1).row().status());
    }

    @Test
    void theContributionConditionCountsTheQuartersBeforeTheFact() {
        BridgingRight.ContributionCondition fourOfSixteen = new BridgingRight.ContributionCondition(4, 16);
        Quarter fact = new Quarter(2026, 3);
        assertEquals(new Quarter(2026, 2), fourOfSixteen.window(fact).get(0));
        assertEquals(new Quarter(2022, 3), fourOfSixteen.window(fact).get(15));
        Set<Quarter> four = Set.of(new Quarter(2022, 3), new Quarter(2023, 1), new Quarter(2025, 4), new Quarter(2026, 2));
        assertEquals(true, fourOfSixteen.met(fact, four));
        Set<Quarter> threeInWindow = Set.of(new Quarter(2022, 2), new Quarter(2023, 1), new Quarter(2025, 4), new Quarter(2026, 2));
        assertEquals(false, fourOfSixteen.met(fact, threeInWindow), "2022-Q2 is outside the 16 quarters");
        assertEquals(false, fourOfSixteen.met(fact, Set.of(new Quarter(2026, 3))), "the fact's own quarter does not count");
    }

    @ParameterizedTest(name = "fact {0}, {1} quarters after: {2}")
    @CsvSource({"2026-05-10, 2, 2026-12-31", "2026-03-31, 2, 2026-09-30", "2026-12-01, 2, 2027-06-30"})
    void theRequestDeadlineIsTheEndOfAQuarterAfterTheFact(LocalDate fact, int quarters, LocalDate deadline) {
        assertEquals(deadline, BridgingRight.requestDeadline(fact, quarters));
    }

    @Test
    void aGroundIsComplete() {
        BridgingRight.checkGround(BridgingRight.Ground.FORCED_INTERRUPTION, BridgingRight.Cause.BANKRUPTCY, Set.of(), LocalDate.of(2026, 5, 1));
        RuleViolation noCause = assertThrows(RuleViolation.class, () -> BridgingRight.checkGround(
                BridgingRight.Ground.FORCED_INTERRUPTION, null, Set.of(), LocalDate.of(2026, 5, 1)));
        assertEquals("cause", noCause.issues().get(0).field());
        RuleViolation both = assertThrows(RuleViolation.class, () -> BridgingRight.checkGround(
                BridgingRight.Ground.ECONOMIC_DIFFICULTIES, null, Set.of(), LocalDate.of(2022, 12, 31)));
        assertEquals(2, both.issues().size(), "before 2023 and no condition, both said at once");
    }

    @Test
    void theAdditionalRightTableIsEmptyUntilAnAdminFillsIt() {
        BridgingRight.AdditionalRight empty = new BridgingRight.AdditionalRight(List.of());
        assertEquals("bridging-right-additional-table-missing",
                assertThrows(RuleViolation.class, () -> empty.months(20)).code());
        BridgingRight.AdditionalRight table = new BridgingRight.AdditionalRight(List.of(
                new BridgingRight.AdditionalRight.Step(4, 2), new BridgingRight.AdditionalRight.Step(16, 6)));
        assertEquals(0, table.months(3));
        assertEquals(3, table.months(4), "at least 3 months per new fact");
        assertEquals(6, table.months(20));
    }

    /** §10.2: a temporary interruption is paid per calendar month at the share of its days (amounts of 1 May 2024). */
    @Test
    void aTemporaryInterruptionIsPaidPerMonthAtTheShareOfItsDays() {
        // a fire: closed from 20 May to 12 July 2024 — May 12 days (25 %), June whole (100 %), July 12 days (25 %)
        List<BridgingRight.Month> months = BridgingRight.temporarySchedule(AMOUNTS, LocalDate.of(2024, 5, 20), LocalDate.of(2024, 7, 12), 0, true);
        assertEquals(List.of(25, 100, 25), months.stream().map(BridgingRight.Month::percent).toList());
        assertEquals(List.of(new BigDecimal("511.80"), new BigDecimal("2047.18"), new BigDecimal("511.80")),
                months.stream().map(BridgingRight.Month::amount).toList());
        // 3 to 26 June: 24 days, 75 %
        assertEquals(new BigDecimal("1228.70"), BridgingRight.temporarySchedule(AMOUNTS, LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 26), 0, false)
                .get(0).amount());
        // 26 June to 3 July: 8 days in all but 5 and 3 in each month: no month reaches 7 days
        assertEquals(List.of(), BridgingRight.temporarySchedule(AMOUNTS, LocalDate.of(2024, 6, 26), LocalDate.of(2024, 7, 3), 0, false));
        assertEquals("bridging-right-interruption-too-short", assertThrows(RuleViolation.class, () ->
                BridgingRight.temporarySchedule(AMOUNTS, LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 8), 0, false)).code());
        assertEquals(2, BridgingRight.temporarySchedule(AMOUNTS, LocalDate.of(2024, 5, 20), LocalDate.of(2024, 7, 12), 10, true).size(),
                "two months of the base right left");
    }

    @Test
    void combinedWithTheResumedActivityAt75Then50Then25Percent() {
        List<BridgingRight.Month> months = BridgingRight.schedule(AMOUNTS, LocalDate.of(2024, 12, 15), 12, 0, false);
        List<BridgingRight.Month> combined = BridgingRight.withResumedActivity(months, YearMonth.of(2025, 4));
        assertEquals(6, combined.size(), "January to March in full, April to June combined, nothing after");
        assertEquals(List.of(100, 100, 100, 75, 50, 25), combined.stream().map(BridgingRight.Month::resumedShare).toList());
        assertEquals(new BigDecimal("1253.27"), combined.get(3).amount(), "75 % of 1,671.03 (1 February 2025)");
    }

    /** REFERENCE.md §10.2: at most 4 quarters of kept social rights over the whole career. */
    @ParameterizedTest(name = "{0} to {1}, {2} used: {3}")
    @CsvSource({
            "2026-05, 6, 0, 2026-Q2 2026-Q3 2026-Q4",
            "2026-05, 12, 0, 2026-Q2 2026-Q3 2026-Q4 2027-Q1",
            "2026-05, 12, 2, 2026-Q2 2026-Q3",
            "2026-05, 3, 4, ''",
            "2026-03, 1, 0, 2026-Q1",
    })
    void keptSocialRightsFollowTheMonthsUpToFourQuarters(YearMonth first, int months, int used, String expected) {
        List<YearMonth> paid = new java.util.ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            paid.add(first.plusMonths(i)); // in any order
        }
        assertEquals(expected, String.join(" ", BridgingRight.keptRightsQuarters(paid, used).stream().map(Quarter::toString).toList()));
    }
}
