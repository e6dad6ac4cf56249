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

    public record IncomeInput(@NotNull(message = "required") @Min(1990) @Max(2100) Integer year,
                              @NotNull(message = "required") @DecimalMin("0.00") @DecimalMax("99999999.99")
                              @Digits(integer = 8, fraction = 2, message = "amount") BigDecimal amount,
                              @NotNull(message = "required") IncomeSource source) {
    }

    /** What the regularisation did (a supplement, a refund, nothing), with its note in the reader's language. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RegularisationOutcome")
    public record RegularisationView(String outcome, BigDecimal total, LocalDate dueDate, String note) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReferenceIncome")
    public record IncomeView(int year, BigDecimal amount, String source, OffsetDateTime recordedAt, String recordedBy,
                             RegularisationView regularisation) {
        static IncomeView of(ReferenceIncomeEntity e) {
            return new IncomeView(e.year, e.amount, e.source.name(), e.recordedAt, e.recordedBy, null);
        }
    }

    @Inject
    be.caisse.common.web.RequestLanguage language;

    @Inject
    RegularisationService regularisations;

    @POST
    @Transactional
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record a reference income: from the tax administration (a past year) or a member's estimate (this or next year)",
            description = "201 when the year's income of that source is new, 200 when it replaces the one recorded; the tax "
                    + "administration's income regularises the year at once.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Recorded",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "The account's incomes",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = IncomeView.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "Replaced the income recorded",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = IncomeView.class)))
    public Response record(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull IncomeInput input,
                           @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        String n = Niss.parse(niss).value();
        AccountResource.require(n);
        int thisYear = LocalDate.now(clock).getYear();
        if (input.source() == IncomeSource.TAX_ADMINISTRATION && input.year() >= thisYear) {
            throw new be.caisse.common.domain.RuleViolation("income-year-not-closed", thisYear).on("year");
        }
        if (input.source() == IncomeSource.DECLARED && (input.year() < thisYear || input.year() > thisYear + 1)) {
            throw new be.caisse.common.domain.RuleViolation("estimate-year", thisYear, thisYear + 1).on("year");
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
        IncomeView view = new IncomeView(e.year, e.amount, e.source.name(), e.recordedAt, e.recordedBy, regularisation == null ? null
                : new RegularisationView(regularisation.outcome(), regularisation.total(), regularisation.dueDate(),
                language.render(regularisation.note())));
        return (created ? Response.created(uri.getAbsolutePath()) : Response.ok()).entity(view).build();
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
