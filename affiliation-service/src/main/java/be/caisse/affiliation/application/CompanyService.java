package be.caisse.affiliation.application;

import be.caisse.common.domain.RuleViolation;
import be.caisse.affiliation.domain.CompanyRules;
import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.BalanceSheetEntity;
import be.caisse.affiliation.persistence.CompanyEntity;
import be.caisse.affiliation.persistence.MandateEntity;
import be.caisse.common.identifiers.EnterpriseNumber;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Companies: affiliation (within 3 months of the deed), balance-sheet totals, cessation. */
@ApplicationScoped
public class CompanyService {
    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    public record CompanyRegistration(EnterpriseNumber number, String name, String legalForm, LocalDate incorporationDate) {
    }

    public static CompanyEntity require(String enterpriseNumber) {
        CompanyEntity c = CompanyEntity.findById(enterpriseNumber);
        if (c == null) {
            throw DomainProblem.notFound("company");
        }
        return c;
    }

    @Transactional
    public CompanyEntity register(CompanyRegistration r, String by) {
        if (CompanyEntity.findById(r.number().value()) != null) {
            throw DomainProblem.conflict("company-affiliated");
        }
        LocalDate today = LocalDate.now(clock);
        if (r.incorporationDate().isAfter(today)) {
            throw new RuleViolation("incorporation-in-future").on("incorporationDate");
        }
        CompanyEntity c = new CompanyEntity();
        c.enterpriseNumber = r.number().value();
        c.name = r.name().strip();
        c.legalForm = r.legalForm();
        c.incorporationDate = r.incorporationDate();
        c.affiliationDate = today;
        c.lateAffiliation = CompanyRules.lateAffiliation(r.incorporationDate(), today);
        c.status = "ACTIVE";
        c.registeredAt = OffsetDateTime.now(clock);
        c.registeredBy = by;
        c.persist();
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.COMPANY_REGISTERED, c.enterpriseNumber, c.enterpriseNumber,
                new AffiliationEvents.CompanyRegistered(c.enterpriseNumber, c.name, c.legalForm, c.incorporationDate,
                        c.affiliationDate, c.lateAffiliation));
        return c;
    }

    @Transactional
    public BalanceSheetEntity recordBalanceSheet(String enterpriseNumber, int financialYear, BigDecimal total, String by) {
        CompanyEntity c = require(enterpriseNumber);
        if (financialYear < c.incorporationDate.getYear() || financialYear > LocalDate.now(clock).getYear()) {
            throw new RuleViolation("financial-year", c.incorporationDate.getYear(), LocalDate.now(clock).getYear()).on("financialYear");
        }
        BalanceSheetEntity b = BalanceSheetEntity.find("enterpriseNumber = ?1 and financialYear = ?2", enterpriseNumber, financialYear).firstResult();
        if (b == null) {
            b = new BalanceSheetEntity();
            b.enterpriseNumber = enterpriseNumber;
            b.financialYear = financialYear;
        }
        b.total = total;
        b.recordedAt = OffsetDateTime.now(clock);
        b.recordedBy = by;
        b.persist();
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.BALANCE_SHEET_RECORDED, enterpriseNumber, enterpriseNumber,
                new AffiliationEvents.BalanceSheetRecorded(enterpriseNumber, financialYear, total));
        return b;
    }

    /** Liquidation or bankruptcy; the running mandates end on the same day. */
    @Transactional
    public CompanyEntity cease(String enterpriseNumber, LocalDate date, String reason) {
        CompanyEntity c = require(enterpriseNumber);
        if (!"ACTIVE".equals(c.status)) {
            throw DomainProblem.conflict("company-ceased", c.cessationDate);
        }
        if (date.isBefore(c.incorporationDate)) {
            throw new RuleViolation("company-end-before-incorporation", c.incorporationDate).on("date");
        }
        c.status = "CEASED";
        c.cessationDate = date;
        c.cessationReason = reason;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.COMPANY_CEASED, enterpriseNumber, enterpriseNumber,
                new AffiliationEvents.CompanyCeased(enterpriseNumber, date, reason));
        for (MandateEntity m : MandateEntity.<MandateEntity>list("enterpriseNumber = ?1 and endDate is null", enterpriseNumber)) {
            m.endDate = date.isBefore(m.startDate) ? m.startDate : date;
            events.publish(AffiliationEvents.TOPIC, AffiliationEvents.MANDATE_ENDED, enterpriseNumber, m.id.toString(),
                    new AffiliationEvents.MandateEnded(m.id, enterpriseNumber, m.niss, m.endDate));
        }
        return c;
    }
}
