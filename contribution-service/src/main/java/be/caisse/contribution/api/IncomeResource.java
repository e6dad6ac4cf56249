package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.contribution.domain.IncomeSource;
import be.caisse.contribution.application.RegularisationService;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ReferenceIncomeEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contributions/accounts/{niss}/incomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference incomes")
public class IncomeResource {
    @Inject
    DossierAccess access;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    public record IncomeInput(@NotNull(message = "is required") @Min(value = 1990, message = "is 1990 or later") @Max(value = 2100, message = "is not a plausible year") Integer year,
                              @NotNull(message = "is required") @DecimalMin(value = "0.00", message = "is 0 or more")
                              @DecimalMax(value = "99999999.99", message = "is too large")
                              @Digits(integer = 8, fraction = 2, message = "is an amount in euro with at most 2 decimals") BigDecimal amount,
                              @NotNull(message = "is required") IncomeSource source) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record IncomeView(int year, BigDecimal amount, String source, OffsetDateTime recordedAt, String recordedBy,
                             RegularisationService.Summary regularisation) {
        static IncomeView of(ReferenceIncomeEntity e) {
            return new IncomeView(e.year, e.amount, e.source.name(), e.recordedAt, e.recordedBy, null);
        }
    }

    @Inject
    RegularisationService regularisations;

    @POST
    @Transactional
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record a reference income: from the tax administration (a past year) or a member's estimate (this or next year)")
    public Response record(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull(message = "The request body is required") IncomeInput input) {
        String n = Niss.parse(niss).value();
        if (ContributionAccountEntity.findById(n) == null) {
            throw DomainProblem.notFound("account", "No contribution account is open for this NISS.");
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (input.source() == IncomeSource.TAX_ADMINISTRATION && input.year() >= thisYear) {
            throw DomainProblem.badRequest("income-year", "Income year not closed", "The tax administration's income is for a past year (before " + thisYear + ").");
        }
        if (input.source() == IncomeSource.DECLARED && (input.year() < thisYear || input.year() > thisYear + 1)) {
            throw DomainProblem.badRequest("income-year", "Estimate year", "An estimate is declared for this year or the next (" + thisYear + "–" + (thisYear + 1) + ").");
        }
        ReferenceIncomeEntity e = ReferenceIncomeEntity.find("niss = ?1 and year = ?2 and source = ?3", n, input.year(), input.source()).firstResult();
        boolean created = e == null;
        if (created) {
            e = new ReferenceIncomeEntity();
            e.niss = n;
            e.year = input.year();
            e.source = input.source();
        }
        e.amount = input.amount();
        e.recordedAt = OffsetDateTime.now(clock);
        e.recordedBy = identity.getPrincipal().getName();
        e.persist();
        RegularisationService.Summary regularisation = input.source() == IncomeSource.TAX_ADMINISTRATION
                ? regularisations.regularise(n, e.year, e.amount) : null;
        return Response.status(created ? 201 : 200).entity(new IncomeView(e.year, e.amount, e.source.name(), e.recordedAt,
                e.recordedBy, regularisation)).build();
    }

    @GET
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The recorded incomes, newest year first (paged)")
    public PageView<IncomeView> list(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "incomes");
        PanacheQuery<ReferenceIncomeEntity> q = ReferenceIncomeEntity.find("niss", Sort.descending("year").and("source"), n);
        return paging.list(q, IncomeView::of);
    }
}
