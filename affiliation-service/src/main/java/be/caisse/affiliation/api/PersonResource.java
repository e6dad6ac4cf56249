package be.caisse.affiliation.api;

import be.caisse.affiliation.application.PersonService;
import be.caisse.affiliation.persistence.PersonChangeEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/affiliations/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Persons")
public class PersonResource {
    @Inject
    PersonService persons;

    @Inject
    DossierAccess access;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A person's identity, contact, payment account and family situation")
    public Views.PersonView read(@PathParam("niss") @ValidNiss String niss) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "person");
        return Views.PersonView.of(persons.require(n));
    }

    @PATCH
    @Path("/{niss}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Change a person's data (agent): only the fields given change; each change is kept and published")
    public Views.PersonView change(@PathParam("niss") @ValidNiss String niss,
                                   @Valid @NotNull Inputs.PersonInput input) {
        String n = Niss.parse(niss).value();
        var person = persons.update(n, input.toData(), identity.getPrincipal().getName(), PersonService.ORIGIN_AGENT);
        if (input.deliveryChannel() != null) {
            person = persons.chooseChannel(n, be.caisse.affiliation.domain.DeliveryChannel.valueOf(input.deliveryChannel()),
                    identity.getPrincipal().getName(), PersonService.ORIGIN_AGENT);
        }
        return Views.PersonView.of(person);
    }

    @GET
    @Path("/{niss}/changes")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Who changed what and when (paged, newest first)")
    public PageView<Views.ChangeView> changes(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "person changes");
        PanacheQuery<PersonChangeEntity> q = PersonChangeEntity.find("niss", Sort.descending("changedAt").and("id"), n);
        return paging.list(q, Views.ChangeView::of);
    }
}
