package be.caisse.benefits.api;

import be.caisse.benefits.application.BenefitAmounts;
import be.caisse.benefits.domain.AmountKind;
import be.caisse.benefits.domain.EffectiveAmount;
import be.caisse.common.domain.Issue;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The effective-dated benefit amounts: read by staff, added or corrected by admins, each with its source and status. */
@Path("/benefits/amounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit amounts")
public class BenefitAmountResource {
    @Inject
    BenefitAmounts amounts;

    @Inject
    DossierAccess access;

    @Schema(name = "BenefitAmount")
    public record AmountView(String kind, @Schema(description = "In force from this date until the next row of the kind") LocalDate validFrom,
                             BigDecimal amount, @Schema(description = "confirmed, derived (to check against the official publication) or not-found") String status,
                             String source) {
        static AmountView of(EffectiveAmount e) {
            return new AmountView(e.kind().name(), e.validFrom(), e.amount(), e.status(), e.source());
        }
    }

    public record AmountInput(@NotNull(message = "required") @DecimalMin("0.00") @Digits(integer = 8, fraction = 2, message = "amount") BigDecimal amount,
                              @NotBlank(message = "required") @Pattern(regexp = "confirmed|derived|not-found", message = "amount-status") String status,
                              @NotBlank(message = "required") @Size(max = 500) String source) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Every amount row, by kind and date (paged)")
    public PageView<AmountView> list(@QueryParam("kind") AmountKind kind, @Valid @BeanParam Paging paging) {
        List<EffectiveAmount> rows = amounts.table().rows().stream().filter(r -> kind == null || r.kind() == kind)
                .sorted(Comparator.comparing(EffectiveAmount::kind).thenComparing(EffectiveAmount::validFrom)).toList();
        return paging.list(rows, AmountView::of);
    }

    @PUT
    @Path("/{kind}/{validFrom}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add an amount row or correct one (admin): used at once by every new computation; decisions taken keep the rows they used")
    public AmountView save(@PathParam("kind") AmountKind kind,
                           @PathParam("validFrom") @Parameter(description = "yyyy-MM-dd, from 2016-01-01 to 2100-12-31",
                                   schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date")) String validFrom,
                           @Valid @NotNull AmountInput input) {
        LocalDate from;
        try {
            from = LocalDate.parse(validFrom);
        } catch (DateTimeParseException e) {
            throw DomainProblem.invalid(List.of(Issue.field("validFrom", "date")));
        }
        if (from.isBefore(LocalDate.of(2016, 1, 1)) || from.isAfter(LocalDate.of(2100, 12, 31))) {
            throw DomainProblem.invalid(List.of(Issue.field("validFrom", "date-window", LocalDate.of(2016, 1, 1), LocalDate.of(2100, 12, 31))));
        }
        return AmountView.of(amounts.save(kind, from, input.amount(), input.status(), input.source().strip(), access.user()));
    }

    @Inject
    be.caisse.benefits.application.ClaimService claims;

    @Schema(name = "AdditionalRightStep")
    public record StepView(@jakarta.validation.constraints.NotNull(message = "required") @jakarta.validation.constraints.Min(0)
                           @jakarta.validation.constraints.Max(400) Integer quarters,
                           @jakarta.validation.constraints.NotNull(message = "required") @jakarta.validation.constraints.Min(0)
                           @jakarta.validation.constraints.Max(24) Integer months) {
    }

    @Schema(name = "AdditionalRightTable")
    public record AdditionalView(@Schema(description = "From so many pension-building quarters between two facts, so many additional months (at least 3 when any)") List<StepView> steps,
                                 @Schema(description = "Empty: the additional months cannot be granted yet") boolean known) {
    }

    public record AdditionalInput(@jakarta.validation.constraints.NotNull(message = "required") @Size(max = 50)
                                  List<@jakarta.validation.constraints.NotNull(message = "required") @Valid StepView> steps,
                                  @NotBlank(message = "required") @Size(max = 500) String source) {
    }

    static AdditionalView view(be.caisse.benefits.domain.BridgingRight.AdditionalRight a) {
        return new AdditionalView(a.steps().stream().map(s -> new StepView(s.quarters(), s.months())).toList(), a.known());
    }

    @GET
    @Path("/bridging-right-additional")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The additional bridging-right table (REFERENCE.md §10.2: not found; empty until an admin fills it)")
    public AdditionalView additional() {
        return view(claims.additionalRight());
    }

    @PUT
    @Path("/bridging-right-additional")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the additional bridging-right table (admin), with its source; used by every new decision")
    public AdditionalView replaceAdditional(@Valid @NotNull AdditionalInput input) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < input.steps().size(); i++) {
            if (!seen.add(input.steps().get(i).quarters())) {
                throw DomainProblem.invalid(List.of(Issue.field("steps[" + i + "].quarters", "duplicate")));
            }
        }
        return view(claims.replaceAdditionalRight(input.steps().stream()
                .map(s -> new be.caisse.benefits.domain.BridgingRight.AdditionalRight.Step(s.quarters(), s.months())).toList(),
                input.source().strip(), access.user()));
    }
}
