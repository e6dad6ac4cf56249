package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.partner.Mutuality;
import be.caisse.common.partner.PartnerEvents;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.contribution.application.ContributionSlips;
import be.caisse.contribution.domain.YearPaymentStatus;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner mutuality's question about one of its members: are the contributions of year N paid? Answered to the
 * insurer's service account ({@code mutuality-<code>}, role {@code partner}) only for a person who belonged to it
 * during that year or belongs to it now; any other person is refused the same way whether the fund knows her or not,
 * so that a partner cannot learn who else is affiliated. Every answer is in the access trail.
 */
@Path("/contributions/partners/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class PartnerResource {
    @Inject
    SecurityIdentity identity;

    @Inject
    PartnerEvents partners;

    @Inject
    ContributionSlips slips;

    @Inject
    DossierAccess access;

    @Inject
    java.time.Clock clock;

    @Schema(name = "PartnerQuarterStatus")
    public record QuarterView(String quarter, @Schema(description = "PAID, UNPAID, EXEMPTED (not due, rights kept) or NOT_LIABLE") String status) {
    }

    @Schema(name = "PartnerYearStatus", description = "Only what the insurer needs: the year's status, its quarters, the slip's date")
    public record YearView(String niss, int year,
                           @Schema(description = "PAID (every liable quarter paid or exempted), UNPAID or NOT_LIABLE") String status,
                           List<QuarterView> quarters,
                           @Schema(description = "When the contribution slip was sent (null before the year is paid)") LocalDate slipIssuedOn) {
    }

    @GET
    @Path("/{niss}/years/{year}")
    @RolesAllowed(Roles.PARTNER)
    @Transactional
    @Operation(summary = "Are the contributions of a year paid? (a partner mutuality, about one of its members)")
    public YearView year(@PathParam("niss") @ValidNiss String niss, @PathParam("year") @Min(2000) @Max(2100) int year) {
        String n = Niss.parse(niss).value();
        Mutuality insurer = Mutuality.ofAccount(account()).orElseThrow(() -> new DomainProblem(403, "partner-unknown"));
        LocalDate today = LocalDate.now(clock);
        if (!partners.memberDuring(n, insurer.code(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                && !partners.mutualityOn(n, today).filter(insurer.code()::equals).isPresent()) {
            throw new DomainProblem(403, "partner-not-member");
        }
        access.recordPartnerRead(n, "payment status of " + year);
        YearPaymentStatus.Result status = slips.status(n, year);
        return new YearView(n, year, status.status().name(),
                status.quarters().stream().map(q -> new QuarterView(q.quarter(), q.status().name())).toList(),
                slips.slipIssuedOn(n, year).orElse(null));
    }

    /** The partner's client id: {@code azp} of a service account's token. */
    private String account() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            if (azp != null) {
                return azp.toString();
            }
        }
        String name = identity.getPrincipal().getName();
        return name.startsWith("service-account-") ? name.substring("service-account-".length()) : name;
    }
}
