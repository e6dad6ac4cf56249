package be.caisse.affiliation.application;

import be.caisse.common.domain.RuleViolation;
import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.CompanyEntity;
import be.caisse.affiliation.persistence.HelperLinkEntity;
import be.caisse.affiliation.persistence.MandateEntity;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The links that make people jointly liable (REFERENCE.md §5.4): a director and the company they direct
 * (mandate), a helper and the self-employed person helped.
 */
@ApplicationScoped
public class RelationService {
    @Inject
    EventPublisher events;

    @Inject
    PersonService persons;

    @Transactional
    public MandateEntity startMandate(String enterpriseNumber, String niss, String role, LocalDate start) {
        CompanyEntity company = CompanyService.require(enterpriseNumber);
        persons.require(niss);
        if (start.isBefore(company.incorporationDate)) {
            throw new RuleViolation("mandate-before-incorporation", company.incorporationDate).on("startDate");
        }
        boolean overlapping = MandateEntity.count("enterpriseNumber = ?1 and niss = ?2 and (endDate is null or endDate >= ?3)",
                enterpriseNumber, niss, start) > 0;
        if (overlapping) {
            throw DomainProblem.conflict("mandate-exists");
        }
        MandateEntity m = new MandateEntity();
        m.id = UUID.randomUUID();
        m.enterpriseNumber = enterpriseNumber;
        m.niss = niss;
        m.role = role;
        m.startDate = start;
        m.persist();
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.MANDATE_STARTED, enterpriseNumber, m.id.toString(),
                new AffiliationEvents.MandateStarted(m.id, enterpriseNumber, niss, role, start));
        return m;
    }

    @Transactional
    public MandateEntity endMandate(UUID id, LocalDate end) {
        MandateEntity m = MandateEntity.findById(id);
        if (m == null) {
            throw DomainProblem.notFound("mandate");
        }
        if (m.endDate != null) {
            throw DomainProblem.conflict("mandate-ended", m.endDate);
        }
        if (end.isBefore(m.startDate)) {
            throw new RuleViolation("mandate-end-before-start", m.startDate).on("date");
        }
        m.endDate = end;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.MANDATE_ENDED, m.enterpriseNumber, m.id.toString(),
                new AffiliationEvents.MandateEnded(m.id, m.enterpriseNumber, m.niss, end));
        return m;
    }

    @Transactional
    public HelperLinkEntity linkHelper(String helperNiss, String helpedNiss, LocalDate start) {
        persons.require(helperNiss);
        persons.require(helpedNiss);
        if (helperNiss.equals(helpedNiss)) {
            throw new RuleViolation("helper-self").on("helperNiss");
        }
        if (HelperLinkEntity.count("helperNiss = ?1 and helpedNiss = ?2 and endDate is null", helperNiss, helpedNiss) > 0) {
            throw DomainProblem.conflict("helper-linked");
        }
        HelperLinkEntity link = new HelperLinkEntity();
        link.id = UUID.randomUUID();
        link.helperNiss = helperNiss;
        link.helpedNiss = helpedNiss;
        link.startDate = start;
        link.persist();
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.HELPER_LINKED, helpedNiss, link.id.toString(),
                new AffiliationEvents.HelperLinked(link.id, helperNiss, helpedNiss, start));
        return link;
    }

    @Transactional
    public HelperLinkEntity unlinkHelper(UUID id, LocalDate end) {
        HelperLinkEntity link = HelperLinkEntity.findById(id);
        if (link == null) {
            throw DomainProblem.notFound("helper-link");
        }
        if (link.endDate != null) {
            throw DomainProblem.conflict("helper-unlinked", link.endDate);
        }
        if (end.isBefore(link.startDate)) {
            throw new RuleViolation("link-end-before-start", link.startDate).on("date");
        }
        link.endDate = end;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.HELPER_UNLINKED, link.helpedNiss, link.id.toString(),
                new AffiliationEvents.HelperUnlinked(link.id, link.helperNiss, link.helpedNiss, end));
        return link;
    }
}
