package be.caisse.contribution.api;

import be.caisse.common.domain.Issue;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.projection.KnownPerson;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.time.Quarter;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.common.web.RequestLanguage;
import be.caisse.contribution.application.ContributionRequestService;
import be.caisse.contribution.persistence.ContributionRequestEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A member raises or lowers the provisional base, asks an exemption or the remission of surcharges — herself, or
 * through an agent who files it on her behalf (recorded as such, and the texts say so). Agents decide; INASTI's word
 * is recorded; whoever filed a request does not decide it.
 */
@Path("/contributions/accounts/{niss}/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contribution requests")
public class ContributionRequestResource {
    @Inject
    ContributionRequestService requests;

    @Inject
    DossierAccess access;

    @Inject
    RequestLanguage language;

    public enum RequestType { ESTIMATE, EXEMPTION, SURCHARGE_WAIVER }

    public record RequestInput(@NotNull(message = "required") RequestType type,
                               @Min(1990) @Max(2100) Integer year,
                               @DecimalMin("0.00") @Digits(integer = 10, fraction = 2, message = "amount") BigDecimal estimatedIncome,
                               @Size(max = 8) List<@NotNull(message = "required") @Pattern(regexp = "[0-9]{4}-Q[1-4]", message = "quarter") String> quarters,
                               @Size(max = 1000) String motivation) {
    }

    /** Who filed a request: the member herself, or an agent on her behalf. */
    @Schema(name = "RequestFiler")
    public record FiledBy(String user, String role) {
    }

    @Schema(name = "ContributionRequest")
    public record RequestView(UUID id, String type, String niss, String firstName, String lastName, Integer year,
                              BigDecimal estimatedIncome, List<String> quarters, String motivation, String status,
                              FiledBy filedBy, OffsetDateTime createdAt, String decidedBy, OffsetDateTime decidedAt,
                              String decisionNote, BigDecimal currentBase,
                              @Schema(description = "A warning for whoever filed it (a reduction below the base in force), in the reader's language") String warning) {
    }

    static RequestView view(ContributionRequestEntity r, BigDecimal currentBase, String warning) {
        KnownPerson p = KnownPerson.findById(r.niss);
        return new RequestView(r.id, r.type, r.niss, p == null ? null : p.firstName, p == null ? null : p.lastName, r.year,
                r.estimatedIncome, r.quarters == null ? List.of() : Arrays.asList(r.quarters.split(",")), r.motivation, r.status,
                new FiledBy(r.createdBy, r.filedByRole), r.createdAt, r.decidedBy, r.decidedAt, r.decisionNote, currentBase, warning);
    }

    static RequestView view(ContributionRequestEntity r) {
        return view(r, null, null);
    }

    @POST
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "File a request (the member, or an agent on her behalf): a new estimate of the year's income (a raise applies at once, a reduction waits for an agent), an exemption, or the remission of surcharges",
            description = "Always 201: the request's status says what became of it (APPLIED, PENDING, PENDING_INASTI).")
    @APIResponse(responseCode = "201", description = "Filed",
            headers = @Header(name = "Location", description = "The account's requests", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    public Response submit(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull RequestInput input, @Context UriInfo uri) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "contribution requests");
        String by = access.user();
        ContributionRequestService.Filer filer = access.isStaff() ? ContributionRequestService.Filer.AGENT : ContributionRequestService.Filer.MEMBER;
        List<Issue> missing = new ArrayList<>();
        RequestView view;
        switch (input.type()) {
            case ESTIMATE -> {
                require(missing, input.year() != null, "year");
                require(missing, input.estimatedIncome() != null, "estimatedIncome");
                throwIf(missing);
                ContributionRequestService.Outcome o = requests.estimate(n, input.year(), input.estimatedIncome(), input.motivation(), by, filer);
                view = view(o.request(), o.currentBase(), o.warning() == null ? null : language.render(o.warning()));
            }
            case SURCHARGE_WAIVER -> {
                require(missing, input.quarters() != null && !input.quarters().isEmpty(), "quarters");
                throwIf(missing);
                view = view(requests.surchargeWaiver(n, quarters(input), input.motivation(), by, filer));
            }
            default -> {
                require(missing, input.quarters() != null && !input.quarters().isEmpty(), "quarters");
                require(missing, input.motivation() != null && !input.motivation().isBlank(), "motivation");
                throwIf(missing);
                view = view(requests.exemption(n, quarters(input), input.motivation(), by, filer));
            }
        }
        return Response.created(uri.getAbsolutePath()).entity(view).build();
    }

    private static List<Quarter> quarters(RequestInput input) {
        return input.quarters().stream().map(Quarter::parse).distinct().toList();
    }

    private static void require(List<Issue> issues, boolean ok, String field) {
        if (!ok) {
            issues.add(Issue.field(field, "required"));
        }
    }

    private static void throwIf(List<Issue> issues) {
        if (!issues.isEmpty()) {
            throw DomainProblem.invalid(issues);
        }
    }

    @GET
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The member's requests and their status, newest first (paged)")
    public PageView<RequestView> mine(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "contribution requests");
        PanacheQuery<ContributionRequestEntity> q = ContributionRequestEntity.find("niss", Sort.descending("createdAt").and("id"), n);
        return paging.list(q, ContributionRequestResource::view);
    }

}
