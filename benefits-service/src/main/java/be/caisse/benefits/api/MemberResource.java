package be.caisse.benefits.api;

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

@Path("/benefits/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit members")
public class MemberResource {
    @Inject
    DossierAccess access;

    @Inject
    ClaimResource claims;

    @GET
    @Path("/{niss}/claims")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The member's claims and the proposals the fund made her, newest first (paged)")
    public be.caisse.common.web.PageView<ClaimResource.ClaimView> claims(@PathParam("niss") @ValidNiss String niss,
                                                                          @jakarta.validation.Valid @jakarta.ws.rs.BeanParam be.caisse.common.web.Paging paging) {
        return claims.ofMember(niss, paging);
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "caisse.benefits.withholding-rate", defaultValue = "0")
    java.math.BigDecimal withholdingRate;

    /** One line of the 281.18 sheet: a kind of benefit paid in the year. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TaxSheetLine")
    public record TaxSheetLine(String type, int payments, java.math.BigDecimal gross, java.math.BigDecimal interest,
                               java.math.BigDecimal withholding) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TaxSheet")
    public record TaxSheet(String niss, int year, String form, java.util.List<TaxSheetLine> lines, java.math.BigDecimal gross,
                           java.math.BigDecimal interest, java.math.BigDecimal withholding,
                           @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The year is over: the sheet will not change") boolean complete) {
    }

    @Inject
    java.time.Clock clock;

    @GET
    @Path("/{niss}/tax-sheets/{year}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The 281.18 tax sheet of a year: the benefits paid (executed by the bank in the year), their interest and the tax withheld (none unless configured)")
    public TaxSheet taxSheet(@PathParam("niss") @ValidNiss String niss,
                             @PathParam("year") @jakarta.validation.constraints.Min(2016) @jakarta.validation.constraints.Max(2100) int year) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "benefit tax sheet");
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = be.caisse.benefits.persistence.BenefitPaymentEntity.getEntityManager().createNativeQuery(
                        "SELECT c.type, count(*), COALESCE(SUM(p.amount), 0), COALESCE(SUM(p.interest), 0) FROM benefit_payment p "
                                + "JOIN claim c ON c.id = p.claim_id WHERE p.niss = :n AND p.status IN ('EXECUTED', 'OFFSET') "
                                + "AND p.executed_on BETWEEN :from AND :to GROUP BY c.type ORDER BY c.type")
                .setParameter("n", n).setParameter("from", java.time.LocalDate.of(year, 1, 1))
                .setParameter("to", java.time.LocalDate.of(year, 12, 31)).getResultList();
        java.util.List<TaxSheetLine> lines = new java.util.ArrayList<>();
        java.math.BigDecimal gross = java.math.BigDecimal.ZERO.setScale(2);
        java.math.BigDecimal interest = java.math.BigDecimal.ZERO.setScale(2);
        java.math.BigDecimal withheld = java.math.BigDecimal.ZERO.setScale(2);
        for (Object[] r : rows) {
            java.math.BigDecimal g = (java.math.BigDecimal) r[2];
            java.math.BigDecimal i = (java.math.BigDecimal) r[3];
            java.math.BigDecimal w = g.multiply(withholdingRate).setScale(2, java.math.RoundingMode.HALF_UP);
            lines.add(new TaxSheetLine((String) r[0], ((Number) r[1]).intValue(), g, i, w));
            gross = gross.add(g);
            interest = interest.add(i);
            withheld = withheld.add(w);
        }
        return new TaxSheet(n, year, "281.18", lines, gross, interest, withheld, java.time.LocalDate.now(clock).getYear() > year);
    }

    @Inject
    be.caisse.benefits.application.BenefitDocuments documents;

    @Inject
    be.caisse.documents.DocumentDownloads downloads;

    @GET
    @Path("/{niss}/tax-sheets/{year}")
    @Produces(be.caisse.documents.DocumentDownloads.PDF)
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @jakarta.transaction.Transactional
    @Operation(summary = "The 281.18 tax sheet of a year as a PDF/A document in the member's language (issued once; a corrected one replaces it when the year's payments change)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The 281.18 sheet",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = be.caisse.documents.DocumentDownloads.PDF,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public jakarta.ws.rs.core.Response taxSheetPdf(@PathParam("niss") @ValidNiss String niss,
                                                  @PathParam("year") @jakarta.validation.constraints.Min(2016) @jakarta.validation.constraints.Max(2100) int year) {
        TaxSheet sheet = taxSheet(niss, year);
        return downloads.pdf(documents.taxSheet(sheet.niss(), year, sheet.lines().stream()
                .map(l -> new be.caisse.benefits.application.BenefitDocuments.TaxSheetLine(l.type(), l.gross(), l.interest(), l.withholding()))
                .toList(), sheet.complete()).id);
    }

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "What benefits-service knows of a person's affiliation (from the affiliation events)")
    public KnownAffiliationView read(@PathParam("niss") @ValidNiss String niss) {
        String normalized = Niss.parse(niss).value();
        access.checkCanRead(normalized, "benefits dossier");
        return KnownAffiliationView.of(KnownAffiliation.require(normalized, "benefits-service"));
    }
}
