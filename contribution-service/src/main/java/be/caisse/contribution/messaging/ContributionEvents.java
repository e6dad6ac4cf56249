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

    private ContributionEvents() {
    }

    public record FirstQuarter(String quarter, LocalDate dueDate, BigDecimal legalAmount, BigDecimal fee,
                               BigDecimal total, String structuredCommunication) {
    }

    /** Data of {@value #NOTICE_ISSUED}: the payment notice (avis d'échéance) of a quarter. */
    public record NoticeIssued(String niss, String quarter, LocalDate dueDate, BigDecimal legalAmount, BigDecimal fee,
                               BigDecimal total, String structuredCommunication) {
    }

    /** Data of {@value #OVERDUE}: a quarter still unpaid after its due date (where recovery starts). */
    public record Overdue(String niss, String quarter, LocalDate dueDate, BigDecimal total, BigDecimal paid,
                          BigDecimal outstanding, String structuredCommunication) {
    }

    /** Data of {@value #PAYMENT_RECEIVED}: a payment matched to a quarter by its structured communication. */
    public record PaymentReceived(UUID paymentId, String niss, String quarter, BigDecimal amount, LocalDate valueDate,
                                  String structuredCommunication) {
    }

    /** Data of {@value #ACCOUNT_OPENED}. */
    public record AccountOpened(String niss, UUID affiliationId, String category, LocalDate liableFrom,
                                FirstQuarter firstQuarter) {
    }
}
