package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.time.Quarter;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.contribution.application.ContributionRequestService;
import be.caisse.contribution.persistence.ContributionRequestEntity;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member raises or lowers the provisional base, or asks an exemption; agents decide and record INASTI's word. */
@Path("/contributions/accounts/{niss}/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Member requests")
public class ContributionRequestResource {
    @Inject
    ContributionRequestService requests;

    @Inject
    DossierAccess access;

    @Inject
    SecurityIdentity identity;

    public record RequestInput(@NotNull(message = "is required") @Pattern(regexp = "ESTIMATE|EXEMPTION|SURCHARGE_WAIVER", message = "is ESTIMATE, EXEMPTION or SURCHARGE_WAIVER") String type,
                               Integer year,
                               @DecimalMin(value = "0.00", message = "is 0 or more")
                               @Digits(integer = 10, fraction = 2, message = "is an amount in euro with at most 2 decimals") BigDecimal estimatedIncome,
                               List<@Pattern(regexp = "[0-9]{4}-Q[1-4]", message = "is a quarter like 2026-Q1") String> quarters,
                               @Size(max = 1000, message = "has at most 1000 characters") String motivation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestView(UUID id, String type, Integer year, BigDecimal estimatedIncome, String quarters, String motivation,
                              String status, OffsetDateTime createdAt, OffsetDateTime decidedAt, String decisionNote,
                              BigDecimal currentBase, String warning) {
        static RequestView of(ContributionRequestEntity r) {
            return of(r, null, null);
        }

        static RequestView of(ContributionRequestEntity r, BigDecimal currentBase, String warning) {
            return new RequestView(r.id, r.type, r.year, r.estimatedIncome, r.quarters, r.motivation, r.status, r.createdAt,
                    r.decidedAt, r.decisionNote, currentBase, warning);
        }
    }

    @POST
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Give a new estimate of the year's income (a raise applies at once, a reduction waits for an agent) or ask an exemption")
    public Response submit(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull(message = "The request body is required") RequestInput input) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "contribution requests");
        String by = identity.getPrincipal().getName();
        if ("ESTIMATE".equals(input.type())) {
            if (input.year() == null || input.estimatedIncome() == null) {
                throw be.caisse.common.problem.DomainProblem.badRequest("request-incomplete", "Request incomplete",
                        "An estimate needs the year and the estimated income.");
            }
            ContributionRequestService.Outcome o = requests.estimate(n, input.year(), input.estimatedIncome(), input.motivation(), by);
            return Response.status("APPLIED".equals(o.request().status) ? 201 : 202)
                    .entity(RequestView.of(o.request(), o.currentBase(), o.warning())).build();
        }
        if ("SURCHARGE_WAIVER".equals(input.type())) {
            if (input.quarters() == null || input.quarters().isEmpty()) {
                throw be.caisse.common.problem.DomainProblem.badRequest("request-incomplete", "Request incomplete",
                        "A waiver of surcharges names the quarters.");
            }
            ContributionRequestEntity r = requests.surchargeWaiver(n, input.quarters().stream().map(Quarter::parse).toList(), input.motivation(), by);
            return Response.status(202).entity(RequestView.of(r)).build();
        }
        if (input.quarters() == null || input.quarters().isEmpty() || input.motivation() == null || input.motivation().isBlank()) {
            throw be.caisse.common.problem.DomainProblem.badRequest("request-incomplete", "Request incomplete",
                    "An exemption needs the quarters and a motivation (temporary financial difficulties).");
        }
        ContributionRequestEntity r = requests.exemption(n, input.quarters().stream().map(Quarter::parse).toList(), input.motivation(), by);
        return Response.status(202).entity(RequestView.of(r)).build();
    }

    @GET
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The member's requests and their status (paged)")
    public PageView<RequestView> mine(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "contribution requests");
        PanacheQuery<ContributionRequestEntity> q = ContributionRequestEntity.find("niss", Sort.descending("createdAt"), n);
        return paging.list(q, RequestView::of);
    }
}
