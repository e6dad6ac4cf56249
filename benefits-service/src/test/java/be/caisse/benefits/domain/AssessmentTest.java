package be.caisse.benefits.domain;

import static be.caisse.benefits.domain.BenefitAmountsTest.AMOUNTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.common.i18n.Messages;
import be.caisse.common.time.Quarter;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Whole decisions from facts, with REFERENCE.md's figures; the same facts give the same decision. */
class AssessmentTest {
    static final Assessment.Parameters P = Assessment.Parameters.defaults();

    static Set<Quarter> quarters(String... q) {
        return java.util.Arrays.stream(q).map(Quarter::parse).collect(Collectors.toSet());
    }

    static Assessment.Facts facts(BenefitType type, LocalDate fact, LocalDate filed, String category, Set<Quarter> subject,
                                  Set<Quarter> paid, String sex) {
        return new Assessment.Facts(type, fact, filed, new Eligibility.Situation(category, false, subject, paid), sex, false,
                null, null, null, List.of(), List.of(), 0, 0, null, null, Set.of(), paid);
    }

    static Assessment.Facts withDays(Assessment.Facts f, List<LocalDate> full, List<LocalDate> half) {
        return new Assessment.Facts(f.type(), f.factDate(), f.filedOn(), f.situation(), f.sex(), f.familyCharge(), f.monthsAsked(),
                f.firstMonth(), f.extent(), full, half, f.careerMonthsUsed(), f.careerQuartersExempted(), f.ground(), f.cause(),
                f.conditions(), f.paidOrAssimilated());
    }

    @Test
    void birthLeaveOfTwentyDaysIsPaidOnceAtTheEndOfTheMonthAfter() {
        LocalDate birth = LocalDate.of(2025, 3, 10);
        Assessment.Facts f = withDays(facts(BenefitType.BIRTH_LEAVE, birth, LocalDate.of(2025, 3, 25), "PRINCIPAL",
                quarters("2024-Q3", "2024-Q4", "2025-Q1"), quarters("2024-Q3", "2024-Q4"), "M"), LeaveRulesTest.days(birth.plusDays(1), 20), List.of());
        Assessment.Result r = Assessment.assess(f, AMOUNTS, P);
        assertEquals(DecisionOutcome.GRANTED, r.outcome());
        assertEquals(new BigDecimal("2070.60"), r.total(), "20 × €103.53 (in force from 1 February 2025)");
        assertEquals(LocalDate.of(2025, 4, 30), r.payments().get(0).due(), "leave ends in March: paid at the end of April");
        assertEquals(r, Assessment.assess(f, AMOUNTS, P), "recomputed, the same decision");
        Assessment.Facts appliedInApril = new Assessment.Facts(f.type(), f.factDate(), LocalDate.of(2025, 4, 2), f.situation(), f.sex(),
                false, null, null, null, f.fullDays(), f.halfDays(), 0, 0, null, null, Set.of(), f.paidOrAssimilated());
        assertEquals(LocalDate.of(2025, 5, 31), Assessment.assess(appliedInApril, AMOUNTS, P).payments().get(0).due(),
                "applied in April, after the leave: paid at the end of May");
        String fr = r.motivation().stream().map(t -> Messages.render("fr", t)).collect(Collectors.joining(" "));
        assertTrue(fr.contains("103.53") && fr.contains("2070.60"), fr);
    }

    /** REFERENCE.md §3.5: a birth leave of at most 8 days (16 half days) may be taken as 15 service vouchers instead. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} full days and {1} half days as vouchers: {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "8, 0, GRANTED",
            "6, 4, GRANTED",     // 6 days and 4 half days = 16 half days: still 8 days
            "0, 16, GRANTED",
            "9, 0, REFUSED",
            "8, 1, REFUSED",
    })
    void aShortBirthLeaveMayBeTakenAsFifteenServiceVouchers(int fullDays, int halfDays, DecisionOutcome expected) {
        LocalDate birth = LocalDate.of(2026, 3, 10);
        Assessment.Facts f = withDays(facts(BenefitType.BIRTH_LEAVE, birth, LocalDate.of(2026, 3, 25), "PRINCIPAL",
                        quarters("2025-Q3", "2025-Q4", "2026-Q1"), quarters("2025-Q3", "2025-Q4"), "M"),
                LeaveRulesTest.days(birth.plusDays(1), fullDays), LeaveRulesTest.days(birth.plusDays(1 + fullDays), halfDays))
                .withVouchersInstead(true);
        Assessment.Result r = Assessment.assess(f, AMOUNTS, P);
        assertEquals(expected, r.outcome());
        if (expected == DecisionOutcome.GRANTED) {
            assertEquals(15, r.units());
            assertEquals("VOUCHERS", r.unit());
            assertEquals(new BigDecimal("135.00"), r.total(), "15 × €9.00 (the voucher's value, not found after 2017: a parameter row)");
            assertEquals(List.of(), r.payments(), "the issuer delivers the vouchers: the fund pays nothing");
        } else {
            assertEquals(List.of("birth-leave-vouchers-too-many-days"), r.refusals());
        }
    }

    @Test
    void aLateApplicationAndMissingConditionsAreAllInTheRefusal() {
        LocalDate birth = LocalDate.of(2026, 1, 15);
        Assessment.Facts f = withDays(facts(BenefitType.BIRTH_LEAVE, birth, LocalDate.of(2026, 7, 1), "STUDENT",
                quarters("2026-Q1"), quarters(), "M"), List.of(birth), List.of());
        Assessment.Result r = Assessment.assess(f, AMOUNTS, P);
        assertEquals(DecisionOutcome.REFUSED, r.outcome());
        assertEquals(List.of("category-not-covered", "not-subject-in-the-quarters", "contributions-not-paid", "application-late"), r.refusals());
        List<String> nl = r.motivation().stream().map(t -> Messages.render("nl", t)).toList();
        assertTrue(nl.stream().anyMatch(s -> s.contains("na de termijn van 2026-06-30")), nl.toString());
    }

    @Test
    void bridgingRightAfterABankruptcyWithFamilyCharge() {
        LocalDate bankruptcy = LocalDate.of(2026, 5, 20);
        Assessment.Facts base = facts(BenefitType.BRIDGING_RIGHT, bankruptcy, LocalDate.of(2026, 6, 10), "PRINCIPAL", quarters(),
                quarters("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"), "F");
        Assessment.Facts f = new Assessment.Facts(base.type(), base.factDate(), base.filedOn(), base.situation(), "F", true, 12,
                null, null, List.of(), List.of(), 3, 0, BridgingRight.Ground.FORCED_INTERRUPTION, BridgingRight.Cause.BANKRUPTCY,
                Set.of(), base.paidOrAssimilated());
        Assessment.Result r = Assessment.assess(f, AMOUNTS, P);
        assertEquals(DecisionOutcome.PARTLY_GRANTED, r.outcome(), "3 months used before: 9 of the 12 asked");
        assertEquals(9, r.payments().size());
        assertEquals(YearMonth.of(2026, 6).toString(), r.payments().get(0).period());
        assertEquals(new BigDecimal("2129.88"), r.payments().get(0).amount(), "June 2026 at the 1 March 2026 amount (derived)");
        assertEquals(new BigDecimal("19168.92"), r.total(), "9 × 2,129.88");
    }

    @Test
    void bridgingRightRefusedWithoutTheContributionsOfTheQuartersBefore() {
        Assessment.Facts base = facts(BenefitType.BRIDGING_RIGHT, LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 10), "PRINCIPAL",
                quarters(), quarters("2026-Q1"), "F");
        Assessment.Facts f = new Assessment.Facts(base.type(), base.factDate(), base.filedOn(), base.situation(), "F", false, 12,
                null, null, List.of(), List.of(), 0, 0, BridgingRight.Ground.FORCED_INTERRUPTION, BridgingRight.Cause.FIRE,
                Set.of(), base.paidOrAssimilated());
        Assessment.Result r = Assessment.assess(f, AMOUNTS, P);
        assertEquals(List.of("bridging-right-contributions"), r.refusals());
    }

    @Test
    void threeFullMonthsOfCarerLeaveExemptAQuarter() {
        Assessment.Facts base = facts(BenefitType.CARER_LEAVE, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 20), "PRINCIPAL",
                quarters("2025-Q4", "2026-Q1", "2026-Q2"), quarters("2025-Q4", "2026-Q1"), "F");
        Assessment.Facts f = new Assessment.Facts(base.type(), base.factDate(), base.filedOn(), base.situation(), "F", false, 3,
                YearMonth.of(2026, 4), CarerLeave.Extent.FULL, List.of(), List.of(), 0, 0, null, null, Set.of(), Set.of());
        Assessment.Result r = Assessment.assess(f, AMOUNTS, P);
        assertEquals(DecisionOutcome.GRANTED, r.outcome());
        assertEquals(new BigDecimal("5113.35"), r.total(), "3 × 1,704.45");
        assertEquals(List.of(new Quarter(2026, 2)), r.exemptedQuarters());
    }

    @Test
    void vouchersAndReliefForTheMother() {
        Assessment.Facts mother = facts(BenefitType.MATERNITY_VOUCHERS, LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 10), "PRINCIPAL",
                quarters("2025-Q3", "2025-Q4", "2026-Q1"), quarters("2025-Q3", "2025-Q4"), "F");
        Assessment.Result vouchers = Assessment.assess(mother, AMOUNTS, P);
        assertEquals(105, vouchers.units());
        assertEquals(new BigDecimal("945.00"), vouchers.total());
        Assessment.Facts father = facts(BenefitType.MATERNITY_VOUCHERS, LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 10), "PRINCIPAL",
                quarters("2025-Q3", "2025-Q4", "2026-Q1"), quarters("2025-Q3", "2025-Q4"), "M");
        assertEquals(List.of("vouchers-mother-only"), Assessment.assess(father, AMOUNTS, P).refusals());
        Assessment.Facts relief = facts(BenefitType.MATERNITY_CONTRIBUTION_RELIEF, LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 10),
                "PRINCIPAL", quarters(), quarters(), "F");
        assertEquals(List.of(new Quarter(2026, 2)), Assessment.assess(relief, AMOUNTS, P).exemptedQuarters());
    }

    @Test
    void theAppealMentionsNameTheCourtOfTheAddressInTheMembersLanguage() {
        LabourCourts courts = LabourCourts.parse(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/courts/labour-courts.csv")), StandardCharsets.UTF_8));
        AppealMentions.Mentions brusselsNl = AppealMentions.of(courts, "1000", "nl", LocalDate.of(2026, 12, 1), "BEN-2026-000123", "service des prestations");
        assertEquals("Nederlandstalige arbeidsrechtbank Brussel", brusselsNl.court());
        assertEquals(LocalDate.of(2027, 3, 1), brusselsNl.appealBy());
        assertEquals("Tribunal du travail francophone de Bruxelles", AppealMentions.of(courts, "1050", "fr", LocalDate.of(2026, 12, 1), "x", "y").court());
        assertEquals("Arbeitsgericht Eupen", AppealMentions.of(courts, "4700", "de", LocalDate.of(2026, 12, 1), "x", "y").court());
        assertEquals("Arbeidsrechtbank Gent, afdeling Gent", AppealMentions.of(courts, "9000", "fr", LocalDate.of(2026, 12, 1), "x", "y").court());
        List<String> texts = brusselsNl.texts().stream().map(t -> Messages.render("nl", t)).toList();
        assertEquals(7, texts.size());
        assertTrue(texts.get(1).contains("2027-03-01"), texts.get(1));
        assertTrue(texts.stream().anyMatch(s -> s.startsWith("Gerechtelijk Wetboek, art. 728")));
        assertTrue(texts.stream().anyMatch(s -> s.startsWith("Gerechtelijk Wetboek, art. 1017")));
        assertTrue(texts.stream().anyMatch(s -> s.contains("BEN-2026-000123")));
        assertEquals("appeal.court-unknown", AppealMentions.of(courts, null, "fr", LocalDate.of(2026, 12, 1), "x", "y").texts().get(0).key());
    }

    @Test
    void aTemporaryInterruptionWithTheActivityResumed() {
        Set<Quarter> paid = quarters("2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1");
        Assessment.Facts f = new Assessment.Facts(BenefitType.BRIDGING_RIGHT, LocalDate.of(2024, 5, 20), LocalDate.of(2024, 7, 20),
                new Eligibility.Situation("PRINCIPAL", false, Set.of(), paid), "F", true, null, null, null, List.of(), List.of(), 0, 0,
                BridgingRight.Ground.FORCED_INTERRUPTION, BridgingRight.Cause.FIRE, Set.of(), paid, LocalDate.of(2024, 7, 12), null, null);
        Assessment.Result r = Assessment.assess(f, AMOUNTS, P);
        assertEquals(DecisionOutcome.GRANTED, r.outcome());
        assertEquals(new BigDecimal("3070.78"), r.total(), "511.80 + 2,047.18 + 511.80");
        assertEquals(List.of("2024-05", "2024-06", "2024-07"), r.payments().stream().map(Assessment.Payment::period).toList());
        Assessment.Facts resumed = new Assessment.Facts(f.type(), f.factDate(), f.filedOn(), f.situation(), "F", true, null, null, null,
                List.of(), List.of(), 0, 0, f.ground(), f.cause(), Set.of(), paid, f.interruptionEnd(), YearMonth.of(2024, 6), null);
        assertEquals(List.of(new BigDecimal("511.80"), new BigDecimal("1535.39"), new BigDecimal("255.90")),
                Assessment.assess(resumed, AMOUNTS, P).payments().stream().map(Assessment.Payment::amount).toList(),
                "June at 75 %, July at 50 % of its 25 %");
    }

    /** §10.2: after the 12 months of the base right, the additional right by the quarters since the previous fact. */
    @Test
    void theAdditionalRightOnceTheBaseRightIsUsed() {
        Set<Quarter> paid = quarters("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1");
        Assessment.Facts f = new Assessment.Facts(BenefitType.BRIDGING_RIGHT, LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 1),
                new Eligibility.Situation("PRINCIPAL", false, Set.of(), paid), "F", false, 12, null, null, List.of(), List.of(), 12, 0,
                BridgingRight.Ground.FORCED_INTERRUPTION, BridgingRight.Cause.BANKRUPTCY, Set.of(), paid, null, null, 8);
        Assessment.Result noTable = Assessment.assess(f, AMOUNTS, P);
        assertEquals(List.of("bridging-right-base-used"), noTable.refusals());
        assertTrue(noTable.motivation().stream().anyMatch(t -> t.key().equals("rule.bridging-right-additional-table-missing")));
        Assessment.Parameters filled = new Assessment.Parameters(P.bridgingCondition(), P.bridgingDeadlineQuarters(), P.mourningDeadline(),
                P.maternityVouchers(), new BridgingRight.AdditionalRight(List.of(new BridgingRight.AdditionalRight.Step(4, 3),
                new BridgingRight.AdditionalRight.Step(8, 6))));
        Assessment.Result r = Assessment.assess(f, AMOUNTS, filled);
        assertEquals(DecisionOutcome.PARTLY_GRANTED, r.outcome(), "6 additional months of the 12 asked");
        assertEquals(6, r.units());
        assertEquals(new BigDecimal("10226.70"), r.total(), "6 × 1,704.45");
    }
}
