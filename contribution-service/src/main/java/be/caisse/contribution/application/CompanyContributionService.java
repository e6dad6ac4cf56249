package be.caisse.contribution.application;

import be.caisse.common.i18n.Text;
import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import be.caisse.contribution.domain.CompanyContribution;
import be.caisse.contribution.domain.LedgerComponent;
import be.caisse.contribution.domain.LedgerKind;
import be.caisse.contribution.domain.YearlyParameters;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.CompanyAccountEntity;
import be.caisse.contribution.persistence.CompanyContributionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Companies on the contribution side: kept from affiliation-service's events, and their annual contribution called
 * once a year (by an agent's run, in Q4) with the directors jointly liable for it (art. 98 loi 30/12/1992).
 */
@ApplicationScoped
public class CompanyContributionService {
    @Inject
    EntityManager em;

    @Inject
    ParameterRepository parameters;

    @Inject
    Ledger ledger;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(String kbo, String name, LocalDate incorporation, LocalDate affiliation) {
        CompanyAccountEntity c = CompanyAccountEntity.findById(kbo);
        if (c == null) {
            c = new CompanyAccountEntity();
            c.enterpriseNumber = kbo;
        }
        c.name = name == null ? kbo : name.length() > 200 ? name.substring(0, 200) : name;
        c.incorporationDate = incorporation;
        c.affiliationDate = affiliation == null ? incorporation : affiliation;
        c.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void balanceSheet(String kbo, int financialYear, BigDecimal total) {
        requireCompany(kbo);
        em.createNativeQuery("INSERT INTO company_balance_sheet (enterprise_number, financial_year, total) VALUES (:k, :y, :t) "
                        + "ON CONFLICT (enterprise_number, financial_year) DO UPDATE SET total = EXCLUDED.total")
                .setParameter("k", kbo).setParameter("y", financialYear).setParameter("t", total).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void mandate(UUID mandateId, String kbo, String niss, String role, LocalDate start, LocalDate end) {
        em.createNativeQuery("INSERT INTO company_mandate (mandate_id, enterprise_number, niss, role, start_date, end_date) "
                        + "VALUES (:id, :k, :n, :r, :s, :e) ON CONFLICT (mandate_id) DO UPDATE SET end_date = EXCLUDED.end_date")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("id", mandateId).setParameter("k", kbo).setParameter("n", niss).setParameter("r", role == null ? "DIRECTOR" : role)
                .setParameter("s", start).setParameter("e", end, LocalDate.class).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void mandateEnded(UUID mandateId, LocalDate end) {
        em.createNativeQuery("UPDATE company_mandate SET end_date = :e WHERE mandate_id = :id")
                .setParameter("e", end).setParameter("id", mandateId).executeUpdate();
    }

    /**
     * A company ceased. The contribution is not due for the year of a liquidation or bankruptcy if it remained
     * unpaid (REFERENCE.md §2.10): that year's call, if unpaid, is cancelled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ceased(String kbo, LocalDate date, String reason) {
        CompanyAccountEntity c = requireCompany(kbo);
        c.ceasedOn = date;
        c.ceaseReason = reason;
        CompanyContributionEntity year = CompanyContributionEntity.find("enterpriseNumber = ?1 and year = ?2 and cancelledAt is null",
                kbo, date.getYear()).firstResult();
        if (year != null && ledger.balance(kbo, String.valueOf(year.year)).paid().signum() == 0) {
            year.cancelledAt = OffsetDateTime.now(clock);
            ledger.book(kbo, String.valueOf(year.year), LedgerKind.REDUCTION, LedgerComponent.PRINCIPAL, year.amount.negate(), null,
                    LocalDate.now(clock), null, "CANCEL:" + year.year, Text.of("ledger.company-not-due", year.year, "@company-end." + reason));
            events.publish(ContributionEvents.TOPIC, ContributionEvents.COMPANY_CONTRIBUTION_CANCELLED, kbo, kbo + "/" + year.year + "/cancelled",
                    new ContributionEvents.CompanyContributionCancelled(kbo, year.year, year.amount, reason));
        }
    }

    @Inject
    ContributionDocuments documents;

    @Inject
    be.caisse.documents.DocumentArchive archive;

    public record RunResult(int year, int called, int skipped) {
    }

    /** Calls the year's contribution of every company affiliated during the year that has none yet (idempotent). */
    @Transactional
    public RunResult run(int year) {
        YearlyParameters p = parameters.table().forYear(year).orElseThrow(() ->
                new RuleViolation("parameters-missing", year));
        @SuppressWarnings("unchecked")
        List<CompanyAccountEntity> companies = em.createQuery("select c from CompanyAccountEntity c where c.incorporationDate <= :end "
                        + "and (c.ceasedOn is null or c.ceasedOn >= :start) and not exists (select 1 from CompanyContributionEntity k "
                        + "where k.enterpriseNumber = c.enterpriseNumber and k.year = :year) order by c.enterpriseNumber")
                .setParameter("end", LocalDate.of(year, 12, 31)).setParameter("start", LocalDate.of(year, 1, 1))
                .setParameter("year", year).getResultList();
        int called = 0;
        int skipped = 0;
        for (CompanyAccountEntity c : companies) {
            BigDecimal balanceSheet = (BigDecimal) em.createNativeQuery("SELECT total FROM company_balance_sheet WHERE enterprise_number = :k "
                    + "AND financial_year = :y").setParameter("k", c.enterpriseNumber).setParameter("y", year - 2)
                    .getResultStream().findFirst().orElse(null);
            CompanyContribution.Amount a;
            try {
                a = CompanyContribution.compute(year, c.incorporationDate, balanceSheet, p);
            } catch (RuleViolation e) {
                skipped++;
                continue;
            }
            CompanyContributionEntity k = new CompanyContributionEntity();
            k.id = UUID.randomUUID();
            k.enterpriseNumber = c.enterpriseNumber;
            k.year = year;
            k.bracket = a.bracket().name();
            k.amount = a.amount();
            k.balanceSheetTotal = balanceSheet;
            k.dueDate = a.dueDate();
            long seq = ((Number) em.createNativeQuery("SELECT nextval('payment_reference_seq')").getSingleResult()).longValue();
            // YY0 + sequence: quarter digit 0 marks a company contribution for the agents reading the communication
            k.structuredCommunication = StructuredCommunication.fromReference((year % 100) * 100_000_000L + seq).digits();
            k.rule = a.rule().encode();
            k.createdAt = OffsetDateTime.now(clock);
            k.persist();
            ledger.book(c.enterpriseNumber, String.valueOf(year), LedgerKind.COMPANY_CONTRIBUTION, LedgerComponent.PRINCIPAL, a.amount(),
                    a.dueDate(), LocalDate.now(clock), null, "COMPANY:" + year, Text.of("ledger.company", year, a.rule()));
            events.publish(ContributionEvents.TOPIC, ContributionEvents.COMPANY_CONTRIBUTION_ISSUED, c.enterpriseNumber,
                    c.enterpriseNumber + "/" + year, new ContributionEvents.CompanyContributionIssued(c.enterpriseNumber, year, a.amount(),
                            a.bracket().name(), balanceSheet, balanceSheet == null ? null : year - 2, a.dueDate(),
                            StructuredCommunication.parse(k.structuredCommunication).formatted(), jointlyLiable(c.enterpriseNumber, year)));
            archive.issue(documents.companyNotice(c.enterpriseNumber, c.name, year, k.bracket, balanceSheet, a.amount(),
                    a.dueDate(), k.structuredCommunication, jointlyLiable(c.enterpriseNumber, year)));
            called++;
        }
        return new RunResult(year, called, skipped);
    }

    /** Directors, managers and active partners whose mandate ran during the year. */
    public List<String> jointlyLiable(String kbo, int year) {
        @SuppressWarnings("unchecked")
        List<String> niss = em.createNativeQuery("SELECT DISTINCT niss FROM company_mandate WHERE enterprise_number = :k "
                        + "AND start_date <= :end AND (end_date IS NULL OR end_date >= :start) ORDER BY niss")
                .setParameter("k", kbo).setParameter("end", LocalDate.of(year, 12, 31)).setParameter("start", LocalDate.of(year, 1, 1))
                .getResultList();
        return niss;
    }

    private static CompanyAccountEntity requireCompany(String kbo) {
        CompanyAccountEntity c = CompanyAccountEntity.findById(kbo);
        if (c == null) {
            throw new IllegalStateException("Unknown company: the event cannot be applied before the company's registration");
        }
        return c;
    }

    public static CompanyAccountEntity find(String kbo) {
        CompanyAccountEntity c = CompanyAccountEntity.findById(kbo);
        if (c == null) {
            throw DomainProblem.notFound("company-account");
        }
        return c;
    }
}
