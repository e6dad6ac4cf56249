package be.caisse.affiliation.api;

import be.caisse.affiliation.application.CompanyService;
import be.caisse.affiliation.application.RelationService;
import be.caisse.affiliation.persistence.BalanceSheetEntity;
import be.caisse.affiliation.persistence.CompanyEntity;
import be.caisse.affiliation.persistence.MandateEntity;
import be.caisse.common.identifiers.EnterpriseNumber;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidEnterpriseNumber;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/affiliations/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Companies")
public class CompanyResource {
    @Inject
    CompanyService companies;

    @Inject
    RelationService relations;

    @Inject
    DossierAccess access;

    public enum LegalEnd { LIQUIDATION, BANKRUPTCY }

    public enum MandateRole { DIRECTOR, MANAGER, ACTIVE_PARTNER }

    public record CompanyInput(@NotBlank(message = "required") @ValidEnterpriseNumber
                               @Schema(description = "KBO/BCE number: 10 digits (0123.456.789 accepted)", example = "0883990001") String enterpriseNumber,
                               @NotBlank(message = "required") @Size(max = 200) String name,
                               @NotBlank(message = "required") @Pattern(regexp = "[A-Za-z]{2,10}", message = "legal-form") String legalForm,
                               @NotNull(message = "required") @Schema(description = "Filing of the deed (yyyy-MM-dd, not in the future)") LocalDate incorporationDate) {
    }

    public record BalanceSheetInput(@NotNull(message = "required") @Min(1900) @Max(2100) Integer financialYear,
                                    @NotNull(message = "required") @DecimalMin("0.00")
                                    @Digits(integer = 14, fraction = 2, message = "amount") BigDecimal total) {
    }

    public record CompanyCessationInput(@NotNull(message = "required") @Schema(description = "Date of the liquidation or the bankruptcy (yyyy-MM-dd, not before the incorporation)") LocalDate date,
                                        @NotNull(message = "required") LegalEnd reason) {
    }

    public record MandateInput(@NotBlank(message = "required") @ValidNiss String niss,
                               @NotNull(message = "required") MandateRole role,
                               @NotNull(message = "required") @Schema(description = "First day of the mandate (yyyy-MM-dd, not before the incorporation)") LocalDate startDate) {
    }

    private static String kbo(String raw) {
        return EnterpriseNumber.parse(raw).value();
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Affiliate a company (agent); late if more than 3 months after the deed")
    @APIResponse(responseCode = "201", description = "Affiliated",
            headers = @Header(name = "Location", description = "The company", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CompanyView.class)))
    public Response register(@Valid @NotNull CompanyInput input, @Context UriInfo uri) {
        CompanyEntity c = companies.register(new CompanyService.CompanyRegistration(EnterpriseNumber.parse(input.enterpriseNumber()),
                input.name(), input.legalForm().toUpperCase(), input.incorporationDate()), access.user());
        return Response.created(uri.getAbsolutePathBuilder().path(c.enterpriseNumber).build()).entity(Views.CompanyView.of(c)).build();
    }

    @GET
    @Path("/{enterpriseNumber}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A company (staff, or a director of the company)")
    public Views.CompanyView read(@PathParam("enterpriseNumber") String enterpriseNumber) {
        String n = readable(enterpriseNumber);
        return Views.CompanyView.of(CompanyService.require(n));
    }

    @GET
    @Path("/{enterpriseNumber}/mandates")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The company's directors, from the first (staff, or a director; paged)")
    public PageView<Views.MandateView> mandates(@PathParam("enterpriseNumber") String enterpriseNumber, @Valid @BeanParam Paging paging) {
        String n = readable(enterpriseNumber);
        CompanyService.require(n);
        PanacheQuery<MandateEntity> q = MandateEntity.find("enterpriseNumber", Sort.ascending("startDate").and("id"), n);
        return paging.list(q, Views.MandateView::of);
    }

    @GET
    @Path("/{enterpriseNumber}/balance-sheets")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The balance-sheet totals recorded, by financial year (staff, or a director; paged)")
    public PageView<Views.BalanceSheetView> balanceSheets(@PathParam("enterpriseNumber") String enterpriseNumber, @Valid @BeanParam Paging paging) {
        String n = readable(enterpriseNumber);
        CompanyService.require(n);
        PanacheQuery<BalanceSheetEntity> q = BalanceSheetEntity.find("enterpriseNumber", Sort.ascending("financialYear"), n);
        return paging.list(q, Views.BalanceSheetView::of);
    }

    /** Staff read any company; an affiliate only one she directs or directed (403 before anything is looked up). */
    private String readable(String enterpriseNumber) {
        if (!access.isStaff()) {
            String own = access.ownNiss().orElse("");
            String n;
            try {
                n = kbo(enterpriseNumber);
            } catch (IllegalArgumentException e) {
                throw new DomainProblem(403, "forbidden-company");
            }
            if (MandateEntity.count("enterpriseNumber = ?1 and niss = ?2", n, own) == 0) {
                throw new DomainProblem(403, "forbidden-company");
            }
            return n;
        }
        return kbo(enterpriseNumber);
    }

    @POST
    @Path("/{enterpriseNumber}/balance-sheets")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record (or correct) the balance-sheet total of a financial year (agent)")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "The company's balance sheets", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.BalanceSheetView.class)))
    public Response recordBalanceSheet(@PathParam("enterpriseNumber") String enterpriseNumber,
                                       @Valid @NotNull BalanceSheetInput input, @Context UriInfo uri) {
        BalanceSheetEntity b = companies.recordBalanceSheet(kbo(enterpriseNumber), input.financialYear(), input.total(), access.user());
        return Response.created(uri.getAbsolutePath()).entity(Views.BalanceSheetView.of(b)).build();
    }

    @POST
    @Path("/{enterpriseNumber}/cessations")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Cease a company (liquidation, bankruptcy); its running mandates end (agent)")
    @APIResponse(responseCode = "201", description = "Ceased",
            headers = @Header(name = "Location", description = "The company", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CompanyView.class)))
    public Response cease(@PathParam("enterpriseNumber") String enterpriseNumber, @Valid @NotNull CompanyCessationInput input,
                          @Context UriInfo uri) {
        CompanyEntity c = companies.cease(kbo(enterpriseNumber), input.date(), input.reason().name());
        return Response.created(uri.getBaseUriBuilder().path("affiliations/companies").path(c.enterpriseNumber).build())
                .entity(Views.CompanyView.of(c)).build();
    }

    @POST
    @Path("/{enterpriseNumber}/mandates")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A person starts directing the company (agent)")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "The company's mandates", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.MandateView.class)))
    public Response startMandate(@PathParam("enterpriseNumber") String enterpriseNumber, @Valid @NotNull MandateInput input,
                                 @Context UriInfo uri) {
        MandateEntity m = relations.startMandate(kbo(enterpriseNumber), Niss.parse(input.niss()).value(), input.role().name(), input.startDate());
        return Response.created(uri.getAbsolutePath()).entity(Views.MandateView.of(m)).build();
    }

    @POST
    @Path("/mandates/{id}/end")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "End a mandate (agent)")
    public Views.MandateView endMandate(@PathParam("id") UUID id, @Valid @NotNull Inputs.EndDateInput input) {
        return Views.MandateView.of(relations.endMandate(id, input.date()));
    }
}
