package be.caisse.benefits.api;

import be.caisse.benefits.persistence.MemberEntity;
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

@Path("/benefits/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit members")
public class MemberResource {
    @Inject
    DossierAccess access;

    public record MemberView(String niss, UUID affiliationId, String category, LocalDate liableFrom, OffsetDateTime updatedAt) {
    }

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "What benefits-service knows of a person's affiliation (from the affiliation events)")
    public MemberView read(@PathParam("niss") @ValidNiss String niss) {
        String normalized = Niss.parse(niss).value();
        access.checkCanRead(normalized, "benefits dossier");
        MemberEntity known = MemberEntity.findById(normalized);
        if (known == null) {
            throw DomainProblem.notFound("benefits-dossier", "No affiliation is known to benefits-service for this NISS (yet).");
        }
        return new MemberView(known.niss, known.affiliationId, known.category, known.liableFrom, known.updatedAt);
    }
}
