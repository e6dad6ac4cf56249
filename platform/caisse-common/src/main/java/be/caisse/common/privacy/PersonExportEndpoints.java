package be.caisse.common.privacy;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Each service's part of a member's data on request (GDPR art. 15 and 20; the gateway puts the four parts in one
 * archive, {@code GET /api/privacy/members/{niss}/export}): for the member herself and the DPO, and every export is in
 * the access trail, whoever asks. A service's subclass gives the address ({@code /contributions}, …).
 */
public abstract class PersonExportEndpoints {
    @Inject
    PersonExport export;

    @Inject
    DossierAccess access;

    @Inject
    Clock clock;

    @Inject
    be.caisse.common.access.AccessTrail trail;

    @Schema(name = "PersonDataExport", description = "Every row the service holds on the person, table by table")
    public record ExportView(String service, String niss, OffsetDateTime exportedAt,
                             @Schema(description = "Table name → its rows (column → value), as stored") ObjectNode tables) {
    }

    @GET
    @Path("/privacy/persons/{niss}/export")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AFFILIATE, Roles.DPO})
    @org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement(name = "SecurityScheme", scopes = {Roles.AFFILIATE, Roles.DPO})
    @Operation(summary = "Everything this service holds on the person (the member herself or the DPO); recorded in the access trail")
    public ExportView export(@PathParam("niss") @ValidNiss String niss) {
        String n = Niss.parse(niss).value();
        access.checkAndRecordAnyRead(n, "export of all data");
        return new ExportView(trail.service(), n, OffsetDateTime.now(clock), export.export(n));
    }
}
