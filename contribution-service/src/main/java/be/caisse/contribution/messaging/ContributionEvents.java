package be.caisse.contribution.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The contribution events this service publishes (JSON Schemas in caisse-common, events/schemas). */
public final class ContributionEvents {
    public static final String TOPIC = "caisse.contribution.events";
    public static final String ACCOUNT_OPENED = "be.caisse.contribution.account-opened.v1";
    public static final String PAYMENT_RECEIVED = "be.caisse.contribution.payment-received.v1";
    public static final String NOTICE_ISSUED = "be.caisse.contribution.notice-issued.v1";
    public static final String OVERDUE = "be.caisse.contribution.overdue.v1";
    public static final String PAYMENT_ALLOCATED = "be.caisse.contribution.payment-allocated.v1";
    public static final String QUARTER_SETTLED = "be.caisse.contribution.quarter-settled.v1";
    public static final String REFUND_ORDERED = "be.caisse.contribution.refund-ordered.v1";
    public static final String REFUND_CANCELLED = "be.caisse.contribution.refund-cancelled.v1";
    public static final String SURCHARGE_APPLIED = "be.caisse.contribution.surcharge-applied.v1";
    public static final String SURCHARGE_CANCELLED = "be.caisse.contribution.surcharge-cancelled.v1";
    public static final String REGULARISATION_COMPUTED = "be.caisse.contribution.regularisation-computed.v1";
    public static final String NOTICE_CANCELLED = "be.caisse.contribution.notice-cancelled.v1";
    public static final String COMPANY_CONTRIBUTION_ISSUED = "be.caisse.contribution.company-contribution-issued.v1";
    public static final String COMPANY_CONTRIBUTION_OVERDUE = "be.caisse.contribution.company-contribution-overdue.v1";
    public static final String COMPANY_CONTRIBUTION_CANCELLED = "be.caisse.contribution.company-contribution-cancelled.v1";

    /** The topic partner mutualities read: only the yearly contribution slips, nothing else of the account. */
    /** On the member's insurer's topic ({@code caisse.partner.<code>.events}, {@link be.caisse.common.partner.PartnerEvents}). */
    public static final String CONTRIBUTION_SLIP = "be.caisse.partner.contribution-slip.v1";
    public static final String PAYMENT_STATUS = "be.caisse.partner.payment-status.v1";
    /** What INASTI reads (the Kafka user {@code inasti} reads {@code caisse.authority.*} only). */
    public static final String AUTHORITY_TOPIC = "caisse.authority.inasti.events";
    public static final String CAREER_QUARTER = "be.caisse.authority.career-quarter-changed.v1";

    private ContributionEvents() {
    }

    public record FirstQuarter(String quarter, LocalDate dueDate, BigDecimal legalAmount, BigDecimal fee,
                               BigDecimal total, String structuredCommunication) {
    }

    /** Data of {@value #NOTICE_ISSUED}: the payment notice (avis d'échéance) of a quarter. */
    public record NoticeIssued(String niss, String quarter, LocalDate dueDate, BigDecimal legalAmount, BigDecimal fee,
                               BigDecimal total, String structuredCommunication) {
    }

    /**
     * Data of {@value #OVERDUE}: a quarter still unpaid after its due date (where recovery starts), reported again
     * when more of it fell due (a regularisation supplement). {@code startYear}: the year the activity started or
     * resumed when the quarter is one of a starter's years and holds a regularisation supplement (its prescription
     * runs 8 years, REFERENCE.md §5.1); {@code reducible}: the quarter's provisional contribution is above what the
     * category's minimum would be and not yet regularised, so a reduction of provisional contributions (§2.7) may apply.
     */
    public record Overdue(String niss, String quarter, LocalDate dueDate, BigDecimal total, BigDecimal paid,
                          BigDecimal outstanding, String structuredCommunication, Integer startYear, Boolean reducible) {
    }

    /** Data of {@value #COMPANY_CONTRIBUTION_OVERDUE}: a company contribution unpaid after its due date, with the directors jointly liable. */
    public record CompanyContributionOverdue(String enterpriseNumber, int year, LocalDate dueDate, BigDecimal total, BigDecimal paid,
                                             BigDecimal outstanding, String structuredCommunication, java.util.List<String> jointlyLiable) {
    }

    /** Data of {@value #COMPANY_CONTRIBUTION_CANCELLED}: a year's company contribution not due after all (liquidation, bankruptcy). */
    public record CompanyContributionCancelled(String enterpriseNumber, int year, BigDecimal amount, String reason) {
    }

    /** Data of {@value #PAYMENT_RECEIVED}: a payment matched to a quarter by its structured communication. */
    public record PaymentReceived(UUID paymentId, String niss, String quarter, BigDecimal amount, LocalDate valueDate,
                                  String structuredCommunication) {
    }

    /** Data of {@value #ACCOUNT_OPENED}. */
    public record AccountOpened(String niss, UUID affiliationId, String category, LocalDate liableFrom,
                                FirstQuarter firstQuarter) {
    }

    public record AllocatedShare(String period, String component, BigDecimal amount) {
    }

    /** Data of {@value #PAYMENT_ALLOCATED}: how a payment was imputed (oldest principal first, then surcharges). */
    public record PaymentAllocated(UUID paymentId, String account, BigDecimal amount, LocalDate valueDate,
                                   java.util.List<AllocatedShare> allocations, BigDecimal refunded, BigDecimal creditLeft) {
    }

    /** Data of {@value #QUARTER_SETTLED}: everything due for the period is paid. */
    public record QuarterSettled(String account, String period, LocalDate settledOn, BigDecimal due, BigDecimal paid) {
    }

    /** Data of {@value #REFUND_ORDERED}. */
    public record RefundOrdered(UUID refundId, String account, BigDecimal amount, String iban, String reason, LocalDate orderedOn) {
    }

    /** Data of {@value #REFUND_CANCELLED}: a refund ordered and not yet paid, taken back to pay what is owed again. */
    public record RefundCancelled(UUID refundId, String account, BigDecimal amount, String reason, LocalDate cancelledOn) {
    }

    /** Data of {@value #SURCHARGE_APPLIED}. */
    public record SurchargeApplied(String account, String period, LocalDate date, String kind, BigDecimal base, BigDecimal rate,
                                   BigDecimal amount) {
    }

    /** Surcharges of a period cancelled: booked after the stop a judicial step set (learnt later than they were booked). */
    public record SurchargeCancelled(String account, String period, LocalDate after, BigDecimal amount, String reason, String caseReference) {
    }

    public record RegularisedQuarter(String quarter, String category, BigDecimal called, BigDecimal definitive,
                                     BigDecimal definitiveFee, BigDecimal difference) {
    }

    /** Data of {@value #REGULARISATION_COMPUTED}: the definitive contributions of a year and the difference. */
    public record RegularisationComputed(String niss, int year, BigDecimal income, BigDecimal yearlyBase,
                                         java.util.List<RegularisedQuarter> quarters, BigDecimal total, String outcome,
                                         LocalDate dueDate) {
    }

    /** Data of {@value #NOTICE_CANCELLED}: a notice for a quarter after the end of liability. */
    public record NoticeCancelled(String niss, String quarter, BigDecimal total, String reason, BigDecimal surchargesCancelled) {
    }

    /**
     * Data of {@value #CONTRIBUTION_SLIP} (bijdragebon): the year's contributions are paid, which opens the
     * health-care rights of the year. Only what a mutuality needs: who, which year, which quarters.
     */
    public record ContributionSlip(String niss, int year, java.util.List<String> quarters, LocalDate issuedOn) {
    }

    /**
     * Data of {@value #PAYMENT_STATUS}: where a year's payment stands after one of its quarters was settled. Only the
     * year, its status (PAID, UNPAID, NOT_LIABLE) and each quarter's status (PAID, UNPAID, EXEMPTED, NOT_LIABLE).
     */
    public record PaymentStatus(String niss, int year, String status, java.util.List<QuarterStatus> quarters, LocalDate asOf) {
    }

    /**
     * Data of {@value #CAREER_QUARTER}: a quarter of the career changed status (PAID, ASSIMILATED, DISPENSED, UNPAID,
     * NOT_LIABLE), with the status INASTI was told before (null the first time).
     */
    public record CareerQuarterChanged(String niss, String quarter, String status, String previousStatus, LocalDate asOf) {
    }

    public record QuarterStatus(String quarter, String status) {
    }

    /** Data of {@value #COMPANY_CONTRIBUTION_ISSUED}: the annual company contribution and who is jointly liable. */
    public record CompanyContributionIssued(String enterpriseNumber, int year, BigDecimal amount, String bracket,
                                            BigDecimal balanceSheetTotal, Integer balanceSheetYear, LocalDate dueDate,
                                            String structuredCommunication, java.util.List<String> jointlyLiable) {
    }
}
