package be.caisse.benefits.domain;

import static be.caisse.benefits.domain.BenefitAmountsTest.AMOUNTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Birth, mourning and carer leave (REFERENCE.md §3.5, §3.7, §3.8, §10.3, §10.4) and their shared conditions. */
class LeaveRulesTest {
    static List<LocalDate> days(LocalDate from, int n) {
        return IntStream.range(0, n).mapToObj(from::plusDays).toList();
    }

    /** §10.3: by the last day of the quarter after the birth quarter, one month more for a birth in a quarter's last month. */
    @ParameterizedTest(name = "born {0}: apply by {1}")
    @CsvSource({"2026-01-15, 2026-06-30", "2026-02-28, 2026-06-30", "2026-03-01, 2026-07-31", "2026-03-31, 2026-07-31",
            "2026-11-10, 2027-03-31", "2026-12-05, 2027-04-30"})
    void birthLeaveApplicationDeadline(LocalDate birth, LocalDate deadline) {
        assertEquals(deadline, BirthLeave.applicationDeadline(birth));
    }

    /** §10.3: 20 days at the amount in force on the birth date. */
    @ParameterizedTest(name = "born {0}, {1} days and {2} half days: {3}")
    @CsvSource({"2025-03-10, 20, 0, 2070.60", "2024-01-10, 20, 0, 1990.20", "2025-03-10, 10, 20, 2070.70",
            "2026-03-02, 20, 0, 2112.00", "2026-02-27, 0, 40, 2070.80"})
    void birthLeaveAmount(LocalDate birth, int full, int half, BigDecimal amount) {
        assertEquals(amount, BirthLeave.amount(AMOUNTS, birth, full, half));
    }

    @Test
    void birthLeaveDaysAreCheckedAllAtOnce() {
        LocalDate birth = LocalDate.of(2026, 6, 1);
        BirthLeave.check(birth, days(birth, 20), List.of());
        BirthLeave.check(birth, days(birth, 10), days(birth.plusDays(10), 20));
        List<LocalDate> tooMany = new ArrayList<>(days(birth, 21));
        RuleViolation v = assertThrows(RuleViolation.class, () -> BirthLeave.check(birth, tooMany, List.of(birth.plusMonths(5))));
        assertEquals(Set.of("birth-leave-too-long", "leave-day-outside-window"),
                Set.copyOf(v.issues().stream().map(be.caisse.common.domain.Issue::code).toList()));
        assertEquals("halfDays[0]", v.issues().stream().filter(i -> i.code().equals("leave-day-outside-window")).findFirst().orElseThrow().field());
        assertEquals("leave-day-twice", assertThrows(RuleViolation.class,
                () -> BirthLeave.check(birth, List.of(birth), List.of(birth))).code());
    }

    @ParameterizedTest(name = "leave ends {0}, applied {1}: paid {2}")
    @CsvSource({"2026-07-20, 2026-06-15, 2026-08-31", "2026-07-20, 2026-09-02, 2026-10-31", "2026-12-31, 2026-12-01, 2027-01-31"})
    void paidAtTheEndOfTheMonthAfterTheLeave(LocalDate ends, LocalDate applied, LocalDate paid) {
        assertEquals(paid, BirthLeave.paymentDate(ends, applied));
    }

    @ParameterizedTest(name = "{0} days + {1} half days: vouchers {2}")
    @CsvSource({"8, 0, true", "0, 16, true", "8, 1, false", "9, 0, false"})
    void atMostEightDaysMayBeTakenAsFifteenVouchers(int full, int half, boolean possible) {
        assertEquals(possible, BirthLeave.vouchersInsteadPossible(full, half));
    }

    @Test
    void mourningLeaveTenDaysWithinAYearAtTheAmountOnTheDeath() {
        LocalDate death = LocalDate.of(2025, 9, 3);
        MourningLeave.check(death, days(death.plusDays(2), 10));
        assertEquals(new BigDecimal("1035.30"), MourningLeave.amount(AMOUNTS, death, 10));
        assertEquals("mourning-leave-too-long", assertThrows(RuleViolation.class,
                () -> MourningLeave.check(death, days(death, 11))).code());
        assertEquals("leave-day-outside-window", assertThrows(RuleViolation.class,
                () -> MourningLeave.check(death, List.of(death.plusYears(1).plusDays(1)))).code());
        // the two wordings of the deadline (§10.3), a parameter
        assertEquals(LocalDate.of(2026, 12, 31), MourningLeave.Deadline.LAST_DAY_OF_THE_FOLLOWING_YEAR.from(death));
        assertEquals(LocalDate.of(2026, 9, 3), MourningLeave.Deadline.ONE_YEAR_AFTER_THE_DEATH.from(death));
    }

    @Test
    void carerLeaveMonthsAndTheQuartersItExempts() {
        CarerLeave.check(6, 6);
        assertEquals("carer-leave-months", assertThrows(RuleViolation.class, () -> CarerLeave.check(7, 0)).code());
        assertEquals("carer-leave-career-used", assertThrows(RuleViolation.class, () -> CarerLeave.check(3, 10)).code());
        List<CarerLeave.Month> months = CarerLeave.schedule(AMOUNTS, YearMonth.of(2026, 1), 3, CarerLeave.Extent.FULL);
        assertEquals(List.of(new BigDecimal("1671.03"), new BigDecimal("1671.03"), new BigDecimal("1704.45")),
                months.stream().map(m -> m.row().amount()).toList(), "March 2026 at the 1 March 2026 amount");
        assertEquals(new BigDecimal("852.23"),
                CarerLeave.schedule(AMOUNTS, YearMonth.of(2026, 4), 1, CarerLeave.Extent.PARTIAL).get(0).row().amount());
        // three consecutive full months exempt one quarter (the quarter of the third month), four at most over the career
        assertEquals(List.of(new Quarter(2026, 1)), CarerLeave.exemptedQuarters(YearMonth.of(2026, 1), 3, CarerLeave.Extent.FULL, 0));
        assertEquals(List.of(new Quarter(2026, 2), new Quarter(2026, 3)),
                CarerLeave.exemptedQuarters(YearMonth.of(2026, 2), 6, CarerLeave.Extent.FULL, 0));
        assertEquals(List.of(new Quarter(2026, 2)), CarerLeave.exemptedQuarters(YearMonth.of(2026, 2), 6, CarerLeave.Extent.FULL, 3));
        assertEquals(List.of(), CarerLeave.exemptedQuarters(YearMonth.of(2026, 1), 2, CarerLeave.Extent.FULL, 0));
        assertEquals(List.of(), CarerLeave.exemptedQuarters(YearMonth.of(2026, 1), 6, CarerLeave.Extent.PARTIAL, 0));
    }

    @Test
    void theSharedConditionsListWhatIsMissing() {
        Quarter birth = new Quarter(2026, 3);
        Set<Quarter> subject = Set.of(new Quarter(2026, 1), new Quarter(2026, 2), birth);
        Set<Quarter> paid = Set.of(new Quarter(2026, 1), new Quarter(2026, 2));
        assertEquals(List.of(), Eligibility.missing(new Eligibility.Situation("PRINCIPAL", false, subject, paid), birth));
        assertEquals(List.of(), Eligibility.missing(new Eligibility.Situation("HELPING_SPOUSE", false, subject, paid), birth));
        assertEquals(List.of("category-not-covered"),
                Eligibility.missing(new Eligibility.Situation("COMPLEMENTARY", false, subject, paid), birth));
        assertEquals(List.of(), Eligibility.missing(new Eligibility.Situation("COMPLEMENTARY", true, subject, paid), birth));
        assertEquals(List.of("category-not-covered", "not-subject-in-the-quarters", "contributions-not-paid"),
                Eligibility.missing(new Eligibility.Situation("STUDENT", false, Set.of(birth), Set.of(new Quarter(2026, 2))), birth));
    }
}
