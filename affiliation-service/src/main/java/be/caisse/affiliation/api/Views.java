package be.caisse.affiliation.api;

import be.caisse.affiliation.application.PersonData;
import be.caisse.affiliation.application.PersonService;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.BalanceSheetEntity;
import be.caisse.affiliation.persistence.CompanyEntity;
import be.caisse.affiliation.persistence.HelperLinkEntity;
import be.caisse.affiliation.persistence.LifeEventEntity;
import be.caisse.affiliation.persistence.MandateEntity;
import be.caisse.affiliation.persistence.MemberRequestEntity;
import be.caisse.affiliation.persistence.PersonChangeEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.identifiers.EnterpriseNumber;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the affiliation API answers. */
public final class Views {
    private Views() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonView(String niss, String firstName, String lastName, LocalDate birthDate, String sex,
                             String language, String email, String phone, String iban, PersonData.Address address,
                             Integer dependants, String partnerNiss, OffsetDateTime updatedAt) {
        static PersonView of(PersonEntity p) {
            return new PersonView(p.niss, p.firstName, p.lastName, p.birthDate, p.sex, p.language, p.email, p.phone,
                    p.iban, PersonService.addressOf(p), p.dependants, p.partnerNiss, p.updatedAt);
        }
    }

    public record ChangeView(String field, String oldValue, String newValue, String changedBy, OffsetDateTime changedAt,
                             String origin) {
        static ChangeView of(PersonChangeEntity c) {
            return new ChangeView(c.field, c.oldValue, c.newValue, c.changedBy, c.changedAt, c.origin);
        }
    }

    public record Summary(String niss, String firstName, String lastName, String category, String status,
                          LocalDate startDate, LocalDate endDate) {
    }

    public record LifeEventView(UUID id, String type, LocalDate date, String relatedNiss, String source, String note,
                                OffsetDateTime recordedAt, String recordedBy) {
        static LifeEventView of(LifeEventEntity e) {
            return new LifeEventView(e.id, e.type, e.eventDate, e.relatedNiss, e.source, e.note, e.recordedAt, e.recordedBy);
        }
    }

    public record HelperLinkView(UUID id, String helperNiss, String helpedNiss, LocalDate startDate, LocalDate endDate) {
        static HelperLinkView of(HelperLinkEntity l) {
            return new HelperLinkView(l.id, l.helperNiss, l.helpedNiss, l.startDate, l.endDate);
        }
    }

    public record MandateView(UUID id, String enterpriseNumber, String niss, String role, LocalDate startDate, LocalDate endDate) {
        static MandateView of(MandateEntity m) {
            return new MandateView(m.id, EnterpriseNumber.parse(m.enterpriseNumber).formatted(), m.niss, m.role, m.startDate, m.endDate);
        }
    }

    public record BalanceSheetView(int financialYear, BigDecimal total) {
        static BalanceSheetView of(BalanceSheetEntity b) {
            return new BalanceSheetView(b.financialYear, b.total);
        }
    }

    public record CompanyView(String enterpriseNumber, String name, String legalForm, LocalDate incorporationDate,
                              LocalDate affiliationDate, boolean lateAffiliation, String status, LocalDate cessationDate,
                              String cessationReason, List<MandateView> mandates, List<BalanceSheetView> balanceSheets) {
        static CompanyView of(CompanyEntity c, List<MandateEntity> mandates, List<BalanceSheetEntity> sheets) {
            return new CompanyView(EnterpriseNumber.parse(c.enterpriseNumber).formatted(), c.name, c.legalForm,
                    c.incorporationDate, c.affiliationDate, c.lateAffiliation, c.status, c.cessationDate,
                    c.cessationReason, mandates.stream().map(MandateView::of).toList(),
                    sheets.stream().map(BalanceSheetView::of).toList());
        }
    }

    public record RequestView(UUID id, String type, String status, Object content, OffsetDateTime requestedAt,
                              OffsetDateTime decidedAt, String decisionNote) {
        static RequestView of(MemberRequestEntity r, Object content) {
            return new RequestView(r.id, r.type, r.status, content, r.requestedAt, r.decidedAt, r.decisionNote);
        }
    }

    static Summary summary(AffiliationEntity a, PersonEntity p) {
        return new Summary(p.niss, p.firstName, p.lastName, a == null ? null : a.category.name(),
                a == null ? null : a.status.name(), a == null ? null : a.startDate, a == null ? null : a.endDate);
    }
}
