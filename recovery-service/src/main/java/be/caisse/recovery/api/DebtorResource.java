package be.caisse.recovery.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.projection.KnownAffiliation;
import be.caisse.common.projection.KnownAffiliationView;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/recovery/debtors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery debtors")
public class DebtorResource {
    @Inject
    DossierAccess access;

    @Inject
    CaseResource cases;

    @Inject
    be.caisse.recovery.application.RecoveryService recovery;

    /** What recovery-service knows of the person, and her cases (the open one first). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RecoveryDebtor")
    public record DebtorView(String niss, java.util.UUID affiliationId, String category, java.time.LocalDate liableFrom, String status,
                             java.time.LocalDate endDate, java.time.LocalDate liableUntil, String cessationReason, String lastEventType,
                             java.time.OffsetDateTime updatedAt, java.util.List<CaseResource.CaseView> cases,
                             @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Open cases of others this person answers for (joint liability): the periods and the amount")
                             java.util.List<JointCase> jointCases) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "JointCase")
    public record JointCase(java.util.UUID caseId, String reference, String state, String kind, java.util.List<String> periods,
                            java.math.BigDecimal amount) {
    }

    /** A company's recovery: its cases (the company contribution), each with the directors who answer for it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RecoveryCompanyDebtor")
    public record CompanyView(String enterpriseNumber, java.util.List<CaseResource.CaseView> cases) {
    }

    @GET
    @Path("/companies/{enterpriseNumber}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A company as debtor (staff): its cases for unpaid company contributions, the directors jointly liable on each (art. 98 loi 30/12/1992)")
    public CompanyView company(@PathParam("enterpriseNumber") @be.caisse.common.identifiers.ValidEnterpriseNumber String enterpriseNumber) {
        String kbo = be.caisse.common.identifiers.EnterpriseNumber.parse(enterpriseNumber).value();
        return new CompanyView(kbo, be.caisse.recovery.persistence.RecoveryCaseEntity
                .<be.caisse.recovery.persistence.RecoveryCaseEntity>list("debtor = ?1 order by openedOn desc, id desc", kbo)
                .stream().map(cases::view).toList());
    }

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A debtor: what recovery-service knows of her affiliation, and her cases with their debt per item, state, next step and its date, prescription dates")
    public DebtorView read(@PathParam("niss") @ValidNiss String niss) {
        String normalized = Niss.parse(niss).value();
        access.checkCanRead(normalized, "recovery dossier");
        KnownAffiliationView k = KnownAffiliationView.of(KnownAffiliation.require(normalized, "recovery-service"));
        java.util.List<CaseResource.CaseView> list = be.caisse.recovery.persistence.RecoveryCaseEntity
                .<be.caisse.recovery.persistence.RecoveryCaseEntity>list("debtor = ?1 order by openedOn desc, id desc", normalized)
                .stream().map(cases::view).toList();
        java.util.List<JointCase> joint = new java.util.ArrayList<>();
        @SuppressWarnings("unchecked")
        java.util.List<String> debtors = be.caisse.recovery.persistence.RecoveryCaseEntity.getEntityManager()
                .createNativeQuery("SELECT debtor FROM liability_link WHERE co_debtor = :n "
                        // a director answers for the company contribution of the years of the mandate
                        + "UNION SELECT co_debtor FROM liability_link WHERE debtor = :n AND kind = 'MANDATE'")
                .setParameter("n", normalized).getResultList();
        for (String d : debtors) {
            be.caisse.recovery.persistence.RecoveryCaseEntity open = be.caisse.recovery.application.RecoveryService.openCase(d);
            if (open != null) {
                recovery.coDebtors(open).stream().filter(cd -> cd.coDebtor().equals(normalized)).forEach(cd ->
                        joint.add(new JointCase(open.id, open.reference, open.state, cd.kind(), cd.periods(), cd.amount())));
            }
        }
        return new DebtorView(k.niss(), k.affiliationId(), k.category(), k.liableFrom(), k.status(), k.endDate(), k.liableUntil(),
                k.cessationReason(), k.lastEventType(), k.updatedAt(), list, joint);
    }
}
