package be.caisse.affiliation.api;

import be.caisse.affiliation.application.AffiliationService;
import be.caisse.affiliation.application.PersonData;
import be.caisse.affiliation.application.PersonService;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.PeriodState;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.BalanceSheetEntity;
import be.caisse.affiliation.persistence.CompanyEntity;
import be.caisse.affiliation.persistence.CorrectionEntity;
import be.caisse.affiliation.persistence.HelperLinkEntity;
import be.caisse.affiliation.persistence.LifeEventEntity;
import be.caisse.affiliation.persistence.LinkedProposalEntity;
import be.caisse.affiliation.persistence.MandateEntity;
import be.caisse.affiliation.persistence.MemberRequestEntity;
import be.caisse.affiliation.persistence.PersonChangeEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.affiliation.persistence.TransitionEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the affiliation API answers. */
public final class Views {
    private Views() {
    }

    @Schema(name = "Person")
    public record PersonView(String niss, String firstName, String lastName, LocalDate birthDate, String sex,
                             String language, String email, String phone, String iban, PersonData.Address address,
                             Integer dependants, String partnerNiss,
                             @Schema(description = "How her documents reach her now: EMAIL (a link) or PAPER") String deliveryChannel,
                             OffsetDateTime updatedAt) {
        static PersonView of(PersonEntity p) {
            return new PersonView(p.niss, p.firstName, p.lastName, p.birthDate, p.sex, p.language, p.email, p.phone,
                    p.iban, PersonService.addressOf(p), p.dependants, p.partnerNiss, PersonService.channelOf(p).name(),
                    p.updatedAt);
        }
    }

    @Schema(name = "PersonChange")
    public record ChangeView(String field, String oldValue, String newValue, String changedBy, OffsetDateTime changedAt,
                             String origin) {
        static ChangeView of(PersonChangeEntity c) {
            return new ChangeView(c.field, c.oldValue, c.newValue, c.changedBy, c.changedAt, c.origin);
        }
    }

    @Schema(name = "PersonSummary")
    public record Summary(String niss, String firstName, String lastName, String category, String status,
                          LocalDate startDate, LocalDate endDate) {
    }

    @Schema(name = "LifeEvent")
    public record LifeEventView(UUID id, String type, LocalDate date, String relatedNiss, String source, String note,
                                OffsetDateTime recordedAt, String recordedBy) {
        static LifeEventView of(LifeEventEntity e) {
            return new LifeEventView(e.id, e.type, e.eventDate, e.relatedNiss, e.source, e.note, e.recordedAt, e.recordedBy);
        }
    }

    @Schema(name = "HelperLink")
    public record HelperLinkView(UUID id, String helperNiss, String helpedNiss, LocalDate startDate, LocalDate endDate) {
        static HelperLinkView of(HelperLinkEntity l) {
            return new HelperLinkView(l.id, l.helperNiss, l.helpedNiss, l.startDate, l.endDate);
        }
    }

    /** Enterprise numbers are 10 digits without separators, everywhere in the API (input accepts 0123.456.789). */
    @Schema(name = "Mandate")
    public record MandateView(UUID id, String enterpriseNumber, String niss, String role, LocalDate startDate, LocalDate endDate) {
        static MandateView of(MandateEntity m) {
            return new MandateView(m.id, m.enterpriseNumber, m.niss, m.role, m.startDate, m.endDate);
        }
    }

    @Schema(name = "BalanceSheet")
    public record BalanceSheetView(int financialYear, BigDecimal total) {
        static BalanceSheetView of(BalanceSheetEntity b) {
            return new BalanceSheetView(b.financialYear, b.total);
        }
    }

    /** A company; its mandates and balance sheets are lists of their own (paged). */
    @Schema(name = "Company")
    public record CompanyView(String enterpriseNumber, String name, String legalForm, LocalDate incorporationDate,
                              LocalDate affiliationDate, boolean lateAffiliation, String status, LocalDate cessationDate,
                              String cessationReason) {
        static CompanyView of(CompanyEntity c) {
            return new CompanyView(c.enterpriseNumber, c.name, c.legalForm, c.incorporationDate, c.affiliationDate,
                    c.lateAffiliation, c.status, c.cessationDate, c.cessationReason);
        }
    }

    /** Who filed a request: the member herself, or an agent on her behalf. */
    @Schema(name = "FiledBy")
    public record FiledBy(String user, String role) {
    }

    @Schema(name = "MemberRequest")
    public record RequestView(UUID id, String type, String status, String niss, String firstName, String lastName,
                              Object content, FiledBy filedBy, OffsetDateTime requestedAt, String decidedBy,
                              OffsetDateTime decidedAt, String decisionNote,
                              @Schema(description = "What happens next, addressed to whoever filed it") String acknowledgement) {
    }

    /** Liable from the quarter of the start; billed only from what is not prescribed. */
    @Schema(name = "RegistrationBilling")
    public record BillingView(LocalDate liableFrom, LocalDate billedFrom, LocalDate prescribedUntil, String note) {
    }

    /** A transition as the trail shows it, and what it left. */
    @Schema(name = "Transition")
    public record TransitionView(UUID id, String niss, String type, String status, LocalDate date, LocalDate effectiveDate,
                                 String category, String cessationReason, LocalDate requestDate, String requestedBy,
                                 OffsetDateTime requestedAt, OffsetDateTime appliedAt, String endedBy,
                                 OffsetDateTime endedAt, String endReason) {
        static TransitionView of(TransitionEntity t, AffiliationService.Details d) {
            CategoryDetails c = d.category();
            return new TransitionView(t.id, t.niss, t.type.name(), t.status.name(), t.eventDate, t.effectiveDate,
                    c == null ? null : c.category().name(), d.reason() == null ? null : d.reason().name(), d.requestDate(),
                    t.requestedBy, t.requestedAt, t.appliedAt, t.endedBy, t.endedAt, t.endReason);
        }
    }

    /** What a cessation touches: helpers whose end is proposed to an agent, mandates that go on (another activity). */
    @Schema(name = "CessationLinks")
    public record Linked(List<ProposalView> proposals, List<HelperLinkView> helpers, List<MandateView> mandates) {
    }

    /** The answer to a transition: the transition, the affiliation as it now stands, and what it touches. */
    @Schema(name = "TransitionOutcome")
    public record TransitionOutcome(TransitionView transition, AffiliationView affiliation, Linked linked) {
    }

    @Schema(name = "Proposal")
    public record ProposalView(UUID id, String kind, String niss, String subjectNiss, String subjectFirstName,
                               String subjectLastName, UUID linkId, LocalDate date, String status, OffsetDateTime createdAt,
                               String decidedBy, OffsetDateTime decidedAt, String decisionNote) {
        static ProposalView of(LinkedProposalEntity p) {
            PersonEntity subject = PersonEntity.findById(p.subjectNiss);
            return new ProposalView(p.id, p.kind, p.niss, p.subjectNiss, subject == null ? null : subject.firstName,
                    subject == null ? null : subject.lastName, p.linkId, p.proposedDate, p.status, p.createdAt,
                    p.decidedBy, p.decidedAt, p.decisionNote);
        }
    }

    @Schema(name = "Period")
    public record PeriodView(UUID id, String category, LocalDate startDate, LocalDate endDate, LocalDate liableFrom,
                             LocalDate liableUntil, String status) {
        static PeriodView of(PeriodState p) {
            return new PeriodView(p.id(), p.details().category().name(), p.start(), p.end(), p.liableFrom(), p.liableUntil(),
                    p.status().name());
        }
    }

    @Schema(name = "Correction")
    public record CorrectionView(UUID id, String niss, UUID transitionId, String transitionType, String action,
                                 LocalDate date, String category, String reason, String status, boolean reachesBilledQuarter,
                                 String requestedBy, OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
                                 String decisionNote, List<PeriodView> before, List<PeriodView> after) {
    }

    static Summary summary(AffiliationEntity a, PersonEntity p) {
        return new Summary(p.niss, p.firstName, p.lastName, a == null ? null : a.category.name(),
                a == null ? null : a.status.name(), a == null ? null : a.startDate, a == null ? null : a.endDate);
    }

    static RequestView request(MemberRequestEntity r, Object content, String acknowledgement) {
        PersonEntity p = PersonEntity.findById(r.niss);
        return new RequestView(r.id, r.type, r.status, r.niss, p == null ? null : p.firstName, p == null ? null : p.lastName,
                content, new FiledBy(r.filedBy, r.filedByRole), r.requestedAt, r.decidedBy, r.decidedAt, r.decisionNote,
                acknowledgement);
    }
}
