package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contributions/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contribution accounts")
public class AccountResource {
    @Inject
    DossierAccess access;

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A contributor's account: the quarters to pay, with amount, due date and payment reference")
    public AccountView read(@PathParam("niss") @ValidNiss String niss) {
        String normalized = Niss.parse(niss).value();
        access.checkCanRead(normalized, "contribution account");
        ContributionAccountEntity account = ContributionAccountEntity.findById(normalized);
        if (account == null) {
            throw DomainProblem.notFound("account", "No contribution account is open for this NISS (yet).");
        }
        return AccountView.of(account, ContributionQuarterEntity.ofAccount(normalized));
    }
}
