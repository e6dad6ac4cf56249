package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.HelperLinkEntity;
import be.caisse.affiliation.persistence.LinkedProposalEntity;
import be.caisse.common.problem.DomainProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An agent confirms or rejects what a cessation proposed: confirmed, the helping spouse's link ends on the date of
 * the cessation and so does her affiliation as helping spouse of that person (reason {@code HELPED_ACTIVITY_ENDED});
 * rejected (she goes on, e.g. in her own name), nothing changes and the note says why.
 */
@ApplicationScoped
public class ProposalService {
    @Inject
    Clock clock;

    @Inject
    RelationService relations;

    @Inject
    AffiliationService affiliations;

    @Transactional
    public LinkedProposalEntity decide(UUID id, boolean confirm, String note, String by) {
        LinkedProposalEntity p = LinkedProposalEntity.findById(id);
        if (p == null) {
            throw DomainProblem.notFound("proposal");
        }
        if (!"PENDING".equals(p.status)) {
            throw DomainProblem.conflict("proposal-decided", "@proposal-status." + p.status);
        }
        if (confirm) {
            HelperLinkEntity link = p.linkId == null ? null : HelperLinkEntity.findById(p.linkId);
            if (link != null && link.endDate == null) {
                relations.unlinkHelper(link.id, p.proposedDate);
            }
            AffiliationEntity spouse = AffiliationEntity.findActive(p.subjectNiss).orElse(null);
            if (spouse != null && spouse.category == Category.HELPING_SPOUSE && p.niss.equals(spouse.helpedPartnerNiss)) {
                affiliations.cease(p.subjectNiss, p.proposedDate.isBefore(spouse.startDate) ? spouse.startDate : p.proposedDate,
                        CessationReason.HELPED_ACTIVITY_ENDED, by);
            }
        }
        p.status = confirm ? "CONFIRMED" : "REJECTED";
        p.decidedBy = by;
        p.decidedAt = OffsetDateTime.now(clock);
        p.decisionNote = note;
        return p;
    }
}
