package be.caisse.affiliation.api;

import be.caisse.affiliation.application.MutualityService;
import be.caisse.affiliation.application.PersonService;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.partner.Mutuality;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.RequestLanguage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The person's health insurer (mutualité / ziekenfonds) and its history: what routes her partner events (the
 * contribution slip, the payment status of a year, the kept social rights) to her insurer and to no other.
 */
@Path("/affiliations/persons/{niss}/mutuality")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Persons")
public class MutualityResource {
    @Inject
    MutualityService mutualities;

    @Inject
    DossierAccess access;

    @Inject
    RequestLanguage language;

    @Inject
    java.time.Clock clock;

    public record MutualityInput(
            @NotNull(message = "required") @Pattern(regexp = Mutuality.CODES, message = "mutuality")
            @Schema(description = "The insurer's national code: 100 Christian, 200 neutral, 300 socialist (Solidaris), 400 liberal, "
                    + "500 independent, 600 CAAMI/HZIV, 900 HR Rail", examples = "300") String mutuality,
            @NotNull(message = "required")
            @Schema(description = "First day with this insurer (yyyy-MM-dd), at most 6 months ahead") LocalDate validFrom) {
    }

    @Schema(name = "MutualityPeriodView")
    public record PeriodView(String mutuality, @Schema(description = "The insurer's name in the answer's language") String name,
                             LocalDate validFrom, String recordedBy, OffsetDateTime recordedAt,
                             @Schema(description = "AGENT or MEMBER") String origin) {
    }

    @Schema(name = "MutualityView")
    public record MutualityView(String niss,
                                @Schema(description = "The insurer of today (null when none is recorded, or only a future one)") String current,
                                String currentName, List<PeriodView> history) {
    }

    @GET
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A person's health insurer today and its history")
    public MutualityView read(@PathParam("niss") @ValidNiss String niss) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "mutuality");
        return view(n, mutualities.history(n));
    }

    @PUT
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record a person's health insurer from a day (agent); the same day again corrects it")
    public MutualityView record(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull MutualityInput input) {
        String n = Niss.parse(niss).value();
        return view(n, mutualities.record(n, input.mutuality(), input.validFrom(), access.user(), PersonService.ORIGIN_AGENT));
    }

    private MutualityView view(String niss, List<MutualityService.Recorded> history) {
        return view(niss, history, language.get(), LocalDate.now(clock));
    }

    /** The insurer of that day and the history, the names in the reader's language. */
    static MutualityView view(String niss, List<MutualityService.Recorded> history, String lang, LocalDate today) {
        String current = MutualityService.periods(history).on(today).orElse(null);
        return new MutualityView(niss, current, current == null ? null : name(current, lang),
                history.stream().map(r -> new PeriodView(r.mutuality(), name(r.mutuality(), lang), r.validFrom(), r.recordedBy(),
                        r.recordedAt(), r.origin())).toList());
    }

    private static String name(String code, String language) {
        return Mutuality.byCode(code).map(m -> m.displayName(language)).orElse(code);
    }
}
