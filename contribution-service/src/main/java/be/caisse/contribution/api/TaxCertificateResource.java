package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Attestation fiscale (REFERENCE.md §6): the social contributions paid in a calendar year — what the fund's
 * account received in that year on contributions and fees — which the member deducts as professional expenses.
 * Surcharges, procedure indemnities and judicial costs are not deductible and never counted; payments not yet
 * matched to a contribution are not counted until an agent allocates them.
 */
@Path("/contributions/accounts/{niss}/tax-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tax certificates")
public class TaxCertificateResource {
    @Inject
    DossierAccess access;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TaxCertificateLine")
    public record Line(String quarter, BigDecimal paid) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TaxCertificate")
    public record TaxCertificate(String niss, int year, BigDecimal contributionsPaid, String currency, List<Line> byQuarter,
                                 boolean complete, LocalDate issuedOn, String note) {
    }

    @Inject
    be.caisse.common.web.RequestLanguage language;

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The contributions paid in a year, for the member's tax return (surcharges and costs excluded)")
    public TaxCertificate certificate(@PathParam("niss") @ValidNiss String niss,
                                      @PathParam("year") @Min(2000) @Max(2100) int year) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "tax certificate");
        AccountResource.require(n);
        LocalDate today = LocalDate.now(clock);
        if (year > today.getYear()) {
            throw new be.caisse.common.domain.RuleViolation("year-in-future", year).on("year");
        }
        @SuppressWarnings("unchecked")
        // principal paid in the year (payments and credits allocated, less what was moved out of a quarter and
        // refunded); surcharges are another component and never counted
        List<Object[]> rows = em.createNativeQuery("SELECT period, -SUM(amount) FROM ledger_entry WHERE account = :n "
                        + "AND component = 'PRINCIPAL' AND kind IN ('PAYMENT', 'ALLOCATION') AND booked_on BETWEEN :from AND :to "
                        + "GROUP BY period HAVING SUM(amount) <> 0 ORDER BY period")
                .setParameter("n", n).setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .getResultList();
        List<Line> lines = rows.stream().map(r -> new Line((String) r[0], ((BigDecimal) r[1]).setScale(2))).toList();
        BigDecimal total = lines.stream().map(Line::paid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        boolean complete = year < today.getYear();
        return new TaxCertificate(n, year, total, "EUR", lines, complete, today, language.render(be.caisse.common.i18n.Text.of(
                complete ? "note.tax-certificate.complete" : "note.tax-certificate.provisional", year)));
    }

    @Inject
    be.caisse.contribution.application.ContributionDocuments documents;

    @Inject
    be.caisse.documents.DocumentArchive archive;

    @Inject
    be.caisse.documents.DocumentDownloads downloads;

    @GET
    @Path("/{year}")
    @Produces(be.caisse.documents.DocumentDownloads.PDF)
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @jakarta.transaction.Transactional
    @Operation(summary = "The tax certificate of a year as a PDF/A document in the member's language (issued once; "
            + "a corrected one replaces it when the year's payments change)")
    public jakarta.ws.rs.core.Response certificatePdf(@PathParam("niss") @ValidNiss String niss,
                                                      @PathParam("year") @Min(2000) @Max(2100) int year) {
        TaxCertificate c = certificate(niss, year);
        be.caisse.documents.archive.IssuedDocument doc = archive.issue(documents.taxCertificate(c.niss(), year,
                c.byQuarter().stream().map(l -> java.util.Map.entry(l.quarter(), l.paid())).toList(),
                c.contributionsPaid(), c.complete()));
        return downloads.pdf(doc.id);
    }
}
