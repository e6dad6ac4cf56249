package be.caisse.affiliation.api;

import be.caisse.affiliation.application.CompanyService;
import be.caisse.affiliation.application.RelationService;
import be.caisse.affiliation.persistence.BalanceSheetEntity;
import be.caisse.affiliation.persistence.CompanyEntity;
import be.caisse.affiliation.persistence.MandateEntity;
import be.caisse.common.identifiers.EnterpriseNumber;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

    @Inject
    SecurityIdentity identity;

    public record CompanyInput(@NotBlank(message = "is required") String enterpriseNumber,
                               @NotBlank(message = "is required") @Size(max = 200, message = "has at most 200 characters") String name,
                               @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z]{2,10}", message = "is a legal form like SRL, SA, SC") String legalForm,
                               @NotNull(message = "is required") LocalDate incorporationDate) {
    }

    public record BalanceSheetInput(@NotNull(message = "is required") Integer financialYear,
                                    @NotNull(message = "is required") @DecimalMin(value = "0.00", message = "is 0 or more")
                                    @Digits(integer = 14, fraction = 2, message = "is an amount in euro with at most 2 decimals") BigDecimal total) {
    }

    public record CompanyCessationInput(@NotNull(message = "is required") LocalDate date,
                                        @NotNull(message = "is required") @Pattern(regexp = "LIQUIDATION|BANKRUPTCY", message = "is LIQUIDATION or BANKRUPTCY") String reason) {
    }

    public record MandateInput(@NotBlank(message = "is required") @ValidNiss String niss,
                               @NotBlank(message = "is required") @Pattern(regexp = "DIRECTOR|MANAGER|ACTIVE_PARTNER", message = "is DIRECTOR, MANAGER or ACTIVE_PARTNER") String role,
                               @NotNull(message = "is required") LocalDate startDate) {
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    private static String kbo(String raw) {
        return EnterpriseNumber.parse(raw).value();
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Affiliate a company (agent); late if more than 3 months after the deed")
    public Response register(@Valid @NotNull(message = "The request body is required") CompanyInput input, @Context UriInfo uri) {
        CompanyEntity c = companies.register(new CompanyService.CompanyRegistration(EnterpriseNumber.parse(input.enterpriseNumber()),
                input.name(), input.legalForm().toUpperCase(), input.incorporationDate()), me());
        return Response.created(uri.getAbsolutePathBuilder().path(c.enterpriseNumber).build()).entity(view(c)).build();
    }

    @GET
    @Path("/{enterpriseNumber}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A company with its mandates and balance-sheet totals (staff, or a director of the company)")
    public Views.CompanyView read(@PathParam("enterpriseNumber") String enterpriseNumber) {
        String n = kbo(enterpriseNumber);
        if (!access.isStaff()) {
            String own = access.ownNiss().orElse("");
            if (MandateEntity.count("enterpriseNumber = ?1 and niss = ?2", n, own) == 0) {
                throw new ForbiddenException("You can only consult the companies you direct.");
            }
        }
        return view(CompanyService.require(n));
    }

    @POST
    @Path("/{enterpriseNumber}/balance-sheets")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record the balance-sheet total of a financial year (agent)")
    public Views.BalanceSheetView recordBalanceSheet(@PathParam("enterpriseNumber") String enterpriseNumber,
                                                     @Valid @NotNull(message = "The request body is required") BalanceSheetInput input) {
        return Views.BalanceSheetView.of(companies.recordBalanceSheet(kbo(enterpriseNumber), input.financialYear(), input.total(), me()));
    }

    @POST
    @Path("/{enterpriseNumber}/cessations")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Cease a company (liquidation, bankruptcy); its running mandates end (agent)")
    public Views.CompanyView cease(@PathParam("enterpriseNumber") String enterpriseNumber,
                                   @Valid @NotNull(message = "The request body is required") CompanyCessationInput input) {
        return view(companies.cease(kbo(enterpriseNumber), input.date(), input.reason()));
    }

    @POST
    @Path("/{enterpriseNumber}/mandates")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A person starts directing the company (agent)")
    public Response startMandate(@PathParam("enterpriseNumber") String enterpriseNumber,
                                 @Valid @NotNull(message = "The request body is required") MandateInput input) {
        MandateEntity m = relations.startMandate(kbo(enterpriseNumber), Niss.parse(input.niss()).value(), input.role(), input.startDate());
        return Response.status(201).entity(Views.MandateView.of(m)).build();
    }

    @POST
    @Path("/mandates/{id}/end")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "End a mandate (agent)")
    public Views.MandateView endMandate(@PathParam("id") UUID id,
                                        @Valid @NotNull(message = "The request body is required") Inputs.DateInput input) {
        return Views.MandateView.of(relations.endMandate(id, input.date()));
    }

    private static Views.CompanyView view(CompanyEntity c) {
        return Views.CompanyView.of(c, MandateEntity.list("enterpriseNumber = ?1 order by startDate", c.enterpriseNumber),
                BalanceSheetEntity.list("enterpriseNumber = ?1 order by financialYear", c.enterpriseNumber));
    }
}
