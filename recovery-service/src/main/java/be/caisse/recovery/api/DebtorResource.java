package be.caisse.recovery.api;

import be.caisse.recovery.persistence.DebtorEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/recovery/debtors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery debtors")
public class DebtorResource {
    @Inject
    DossierAccess access;

    public record DebtorView(String niss, UUID affiliationId, String category, LocalDate liableFrom, OffsetDateTime updatedAt) {
    }

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "What recovery-service knows of a person's affiliation (from the affiliation events)")
    public DebtorView read(@PathParam("niss") @ValidNiss String niss) {
        String normalized = Niss.parse(niss).value();
        access.checkCanRead(normalized, "recovery dossier");
        DebtorEntity known = DebtorEntity.findById(normalized);
        if (known == null) {
            throw DomainProblem.notFound("recovery-dossier", "No affiliation is known to recovery-service for this NISS (yet).");
        }
        return new DebtorView(known.niss, known.affiliationId, known.category, known.liableFrom, known.updatedAt);
    }
}
