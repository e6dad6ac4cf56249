package be.caisse.affiliation.api;

import be.caisse.affiliation.application.MemberRequestService;
import be.caisse.affiliation.application.PersonData;
import be.caisse.affiliation.domain.DeliveryChannel;
import be.caisse.affiliation.application.PersonService;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.persistence.MemberRequestEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.common.web.RequestLanguage;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Members ask (or an agent files on a member's behalf, recorded as such), another agent decides; the member follows
 * the status of each request. What a member may change herself — how the fund reaches her — is changed at once.
 */
@Path("/affiliations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Member requests")
public class MemberRequestResource {

    @Inject
    MemberRequestService requests;

    @Inject
    PersonService persons;

    @Inject
    DossierAccess access;

    @Inject
    RequestLanguage language;

    public record RequestInput(@NotNull(message = "required") MemberRequestService.Type type,
                               @Valid Inputs.AddressInput address,
                               @Pattern(regexp = "fr|nl|de", message = "language") String language,
                               @be.caisse.common.identifiers.ValidIban String iban,
                               @Valid Inputs.CategoryInput category,
                               @Schema(description = "The date of the change of category or of the cessation (yyyy-MM-dd, at most 6 months ahead)") LocalDate date,
                               CessationReason reason) {
        MemberRequestService.Content content() {
            return new MemberRequestService.Content(address == null ? null : address.toAddress(), language, iban,
                    category == null ? null : category.toDetails(), date, reason);
        }
    }

    private String ownNiss() {
        return access.ownNiss().orElseThrow(() -> DomainProblem.notFound("own-niss"));
    }

    @POST
    @Path("/me/requests")
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "Ask for a change of address, language, IBAN or category, or a cessation (member)")
    @APIResponse(responseCode = "201", description = "Filed; an agent decides",
            headers = @Header(name = "Location", description = "The member's requests", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.RequestView.class)))
    public Response submit(@Valid @NotNull RequestInput input, @Context UriInfo uri) {
        MemberRequestEntity r = requests.submit(ownNiss(), input.type(), input.content(), access.user(), MemberRequestService.FiledBy.MEMBER);
        return Response.created(uri.getAbsolutePath()).entity(view(r)).build();
    }

    @POST
    @Path("/{niss}/requests")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "File a request on a member's behalf (agent; recorded as filed by the agent, decided by another)")
    @APIResponse(responseCode = "201", description = "Filed; another agent decides",
            headers = @Header(name = "Location", description = "The member's requests", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.RequestView.class)))
    public Response fileOnBehalf(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull RequestInput input, @Context UriInfo uri) {
        MemberRequestEntity r = requests.submit(Niss.parse(niss).value(), input.type(), input.content(), access.user(),
                MemberRequestService.FiledBy.AGENT);
        return Response.created(uri.getAbsolutePath()).entity(view(r)).build();
    }

    @GET
    @Path("/me/requests")
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "The member's own requests and their status, newest first (paged)")
    public PageView<Views.RequestView> mine(@Valid @BeanParam Paging paging) {
        PanacheQuery<MemberRequestEntity> q = MemberRequestEntity.find("niss", Sort.descending("requestedAt").and("id"), ownNiss());
        return paging.list(q, this::view);
    }

    @PATCH
    @Path("/me/contact")
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "Change her own e-mail, phone and the channel of her documents (member): applied at once, kept in the person's changes")
    public Views.PersonView changeContact(@Valid @NotNull Inputs.ContactInput input) {
        if (input.email() == null && input.phone() == null && input.deliveryChannel() == null) {
            throw DomainProblem.badRequest("contact-empty");
        }
        PersonData.Builder change = PersonData.only();
        if (input.email() != null) {
            change.email(input.email().strip());
        }
        if (input.phone() != null) {
            change.phone(input.phone().strip());
        }
        var person = persons.update(ownNiss(), change.build(), access.user(), PersonService.ORIGIN_MEMBER);
        if (input.deliveryChannel() != null) {
            person = persons.chooseChannel(ownNiss(), DeliveryChannel.valueOf(input.deliveryChannel()), access.user(),
                    PersonService.ORIGIN_MEMBER);
        }
        return Views.PersonView.of(person);
    }

    @GET
    @Path("/requests")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The members' requests: filtered by status (ALL for every one), type, member and filing dates; oldest first (agent, paged)")
    public PageView<Views.RequestView> queue(@QueryParam("status") @DefaultValue("PENDING")
                                             @Pattern(regexp = "PENDING|APPROVED|REJECTED|ALL", message = "request-status") String status,
                                             @QueryParam("type") @Pattern(regexp = "ADDRESS_CHANGE|LANGUAGE_CHANGE|IBAN_CHANGE|CATEGORY_CHANGE|CESSATION", message = "request-type") String type,
                                             @QueryParam("niss") @ValidNiss String niss,
                                             @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "From this day (yyyy-MM-dd, between 1900-01-01 and 2100-12-31)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date")) @QueryParam("from") @be.caisse.common.web.ValidDate String from,
                                             @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Up to this day included (yyyy-MM-dd, between 1900-01-01 and 2100-12-31)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date")) @QueryParam("to") @be.caisse.common.web.ValidDate String to,
                                             @Valid @BeanParam Paging paging) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!"ALL".equals(status)) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (niss != null) {
            where.add("niss = :niss");
            params.and("niss", Niss.parse(niss).value());
        }
        if (from != null) {
            where.add("requestedAt >= :from");
            params.and("from", be.caisse.common.web.Dates.parse(from, "from").atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            where.add("requestedAt < :to");
            params.and("to", be.caisse.common.web.Dates.parse(to, "to").plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        PanacheQuery<MemberRequestEntity> q = where.isEmpty()
                ? MemberRequestEntity.findAll(Sort.ascending("requestedAt").and("id"))
                : MemberRequestEntity.find(String.join(" and ", where), Sort.ascending("requestedAt").and("id"), params);
        return paging.list(q, this::view);
    }

    @POST
    @Path("/requests/{id}/decision")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Approve (and apply) or reject a member's request (agent; not the one who filed it)")
    public Views.RequestView decide(@PathParam("id") UUID id, @Valid @NotNull Inputs.DecisionInput input) {
        return view(requests.decide(id, input.approve(), input.note(), access.user()));
    }

    Views.RequestView view(MemberRequestEntity r) {
        String key = "ack.request." + r.status.toLowerCase() + "." + r.filedByRole.toLowerCase();
        return Views.request(r, requests.read(r.payload), language.text(key));
    }
}
