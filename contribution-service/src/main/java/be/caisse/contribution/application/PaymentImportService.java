package be.caisse.contribution.application;

import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.contribution.domain.BankStatement;
import be.caisse.contribution.domain.CodaReader;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.BankStatementEntity;
import be.caisse.contribution.persistence.CompanyContributionEntity;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.PaymentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Imports a bank statement (CODA or camt.053): every credit is booked, matched to the quarter whose structured communication it
 * carries, or kept as unmatched for an agent. The whole file is one transaction: a file that does not read is
 * refused with its line and reason and nothing of it is booked; the same statement imported twice is refused.
 */
@ApplicationScoped
public class PaymentImportService {
    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    Ledger ledger;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "StatementImport")
    public record ImportResult(UUID statementId, String accountNumber, int sequence, java.time.LocalDate statementDate, String format,
                               int movements, int credits, int matched, int unmatched, BigDecimal matchedAmount,
                               BigDecimal unmatchedAmount, OffsetDateTime importedAt, String importedBy) {
    }

    /** What an imported statement brought, as recorded (its payments and whether each was matched). */
    public ImportResult result(UUID statementId) {
        BankStatementEntity s = BankStatementEntity.findById(statementId);
        if (s == null) {
            throw DomainProblem.notFound("statement");
        }
        java.util.List<PaymentEntity> payments = PaymentEntity.list("statementId", statementId);
        java.util.List<PaymentEntity> unmatched = payments.stream().filter(p -> "UNMATCHED".equals(p.status)).toList();
        BigDecimal all = payments.stream().map(p -> p.amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal open = unmatched.stream().map(p -> p.amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new ImportResult(s.id, s.accountNumber, s.sequence, s.statementDate, s.format, s.movements, payments.size(),
                payments.size() - unmatched.size(), unmatched.size(), all.subtract(open), open, s.importedAt, s.importedBy);
    }

    @Transactional
    public ImportResult importCoda(String content, String by) {
        return importStatement(CodaReader.read(content), "CODA", by);
    }

    /** An ISO 20022 camt.053 statement: the same booking as a CODA file. */
    @Transactional
    public ImportResult importCamt053(String xml, String by) {
        return importStatement(be.caisse.contribution.domain.Camt053Reader.read(xml), "CAMT053", by);
    }

    private ImportResult importStatement(BankStatement statement, String format, String by) {
        if (BankStatementEntity.count("accountNumber = ?1 and sequence = ?2 and statementDate = ?3",
                statement.accountNumber(), statement.sequence(), statement.date()) > 0) {
            throw DomainProblem.conflict("statement-imported", statement.sequence(), statement.date(), statement.accountNumber());
        }
        BankStatementEntity s = new BankStatementEntity();
        s.id = UUID.randomUUID();
        s.accountNumber = statement.accountNumber();
        s.sequence = statement.sequence();
        s.statementDate = statement.date();
        s.format = format;
        s.oldBalance = statement.oldBalance();
        s.newBalance = statement.newBalance();
        s.importedAt = OffsetDateTime.now(clock);
        s.importedBy = by;
        s.movements = statement.movements().size();
        s.persist();
        // a plan's instalment may be announced while this file is imported: see rematch
        be.caisse.common.persistence.AdvisoryLocks.lockCommunications(BankStatementEntity.getEntityManager(),
                statement.credits().stream().map(BankStatement.Movement::structuredCommunication).toList());
        int matched = 0;
        BigDecimal matchedAmount = BigDecimal.ZERO.setScale(2);
        BigDecimal unmatchedAmount = BigDecimal.ZERO.setScale(2);
        for (BankStatement.Movement m : statement.credits()) {
            PaymentEntity p = new PaymentEntity();
            p.id = UUID.randomUUID();
            p.statementId = s.id;
            p.movementSequence = m.sequence();
            p.amount = m.amount();
            p.valueDate = m.valueDate();
            p.structuredCommunication = m.structuredCommunication();
            p.freeCommunication = m.freeCommunication() == null ? null : truncate(m.freeCommunication(), 300);
            p.counterpartyAccount = m.counterpartyAccount();
            p.counterpartyName = m.counterpartyName() == null ? null : truncate(m.counterpartyName(), 100);
            p.status = "UNMATCHED";
            p.persist();
            Payee payee = payee(m.structuredCommunication());
            if (payee != null) {
                matched++;
                matchedAmount = matchedAmount.add(p.amount);
                book(p, payee);
            } else {
                unmatchedAmount = unmatchedAmount.add(p.amount);
            }
        }
        int credits = statement.credits().size();
        return new ImportResult(s.id, s.accountNumber, s.sequence, s.statementDate, s.format, statement.movements().size(), credits,
                matched, credits - matched, matchedAmount, unmatchedAmount, s.importedAt, s.importedBy);
    }

    /**
     * What a structured communication names: a person's notice (account = NISS, period = quarter), a company's
     * annual contribution (account = enterprise number, period = year), or an instalment of a recovery payment plan
     * (the debtor, the plan's oldest period).
     */
    private record Payee(String account, String period, String communication, boolean person) {
    }

    private static Payee payee(String communication) {
        if (communication == null) {
            return null;
        }
        ContributionQuarterEntity notice = ContributionQuarterEntity.find("structuredCommunication", communication).firstResult();
        if (notice != null) {
            return new Payee(notice.niss, notice.quarter, communication, true);
        }
        CompanyContributionEntity company = CompanyContributionEntity.find("structuredCommunication", communication).firstResult();
        if (company != null) {
            return new Payee(company.enterpriseNumber, String.valueOf(company.year), communication, false);
        }
        // an instalment of a payment plan agreed by recovery-service
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> plan = CompanyContributionEntity.getEntityManager().createNativeQuery(
                        "SELECT account, period FROM plan_communication WHERE structured_communication = :s")
                .setParameter("s", communication).getResultList();
        return plan.isEmpty() ? null : new Payee((String) plan.get(0)[0], (String) plan.get(0)[1], communication,
                ((String) plan.get(0)[0]).length() == 11);
    }

    /**
     * A payment is received on the account of what it names, and allocated there to the oldest open principal
     * first (not necessarily the period it names).
     */
    private void book(PaymentEntity p, Payee payee) {
        p.status = "MATCHED";
        p.niss = payee.account();
        p.quarter = payee.period();
        if (payee.person()) {
            // payment-received.v1 is about a person's quarter; a company's payment is told by payment-allocated
            events.publish(ContributionEvents.TOPIC, ContributionEvents.PAYMENT_RECEIVED, payee.account(), p.id.toString(),
                    new ContributionEvents.PaymentReceived(p.id, payee.account(), payee.period(), p.amount, p.valueDate,
                            StructuredCommunication.parse(payee.communication()).formatted()));
        }
        ledger.receive(payee.account(), p.amount, p.valueDate, p.id, p.counterpartyAccount);
    }

    /**
     * Payments that came with a communication unknown then, now known (a plan's instalment announced after the
     * debtor paid it): matched and booked as if they had just arrived. Returns how many. The caller holds the
     * communication's lock from before it recorded what the communication names: an import running at the same
     * time either saw that or committed its payment before this looks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rematch(String communication) {
        int n = 0;
        for (PaymentEntity p : PaymentEntity.<PaymentEntity>find("status = 'UNMATCHED' and structuredCommunication = ?1", communication)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list()) {
            Payee payee = payee(communication);
            if (payee != null) {
                book(p, payee);
                n++;
            }
        }
        return n;
    }

    /** An agent assigns an unmatched payment to a member's account (a wrong or missing communication). */
    @Transactional
    public PaymentEntity assign(UUID paymentId, String niss, String by) {
        // locked: an agent's assignment and a late plan's rematch never book the same payment twice
        PaymentEntity p = PaymentEntity.findById(paymentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw DomainProblem.notFound("payment");
        }
        if (!"UNMATCHED".equals(p.status)) {
            throw DomainProblem.conflict("payment-assigned");
        }
        ContributionQuarterEntity notice = ContributionQuarterEntity.find("niss = ?1 and cancelledAt is null order by quarter desc", niss).firstResult();
        if (notice == null) {
            throw DomainProblem.notFound("notice");
        }
        book(p, new Payee(niss, notice.quarter, notice.structuredCommunication, true));
        return p;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
