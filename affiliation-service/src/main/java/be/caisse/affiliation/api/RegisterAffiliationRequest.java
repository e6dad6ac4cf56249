package be.caisse.affiliation.api;

import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.ComplementaryReason;
import be.caisse.affiliation.domain.HelpingSpouseStatus;
import be.caisse.common.identifiers.ValidIban;
import be.caisse.common.identifiers.ValidNiss;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an agent sends to register a self-employed person: the person, the category and its details, the start. */
public record RegisterAffiliationRequest(
        @NotBlank(message = "required") @ValidNiss @Schema(description = "NISS / INSZ: 11 digits as a string (separators allowed)", example = "85071412330") String niss,
        @NotBlank(message = "required") @Size(max = 100) String firstName,
        @NotBlank(message = "required") @Size(max = 100) String lastName,
        @NotNull(message = "required") Category category,
        @NotNull(message = "required") @Schema(description = Inputs.START) LocalDate startDate,
        ComplementaryReason complementaryReason,
        HelpingSpouseStatus helpingSpouseStatus,
        @ValidNiss String helpedPartnerNiss,
        @Size(max = 200) String studentInstitution,
        @Min(0) @Max(120) Integer studentCredits,
        Boolean pensionOptOut,
        @Schema(description = Inputs.BIRTH) LocalDate birthDate,
        @Pattern(regexp = "fr|nl|de", message = "language") String language,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "\\+?[0-9 ./-]{6,20}", message = "phone") String phone,
        @ValidIban String iban,
        @Valid Inputs.AddressInput address,
        @Schema(description = "A supervisor confirms a start before the prescription horizon: the prescribed quarters are not billed") Boolean confirmBeyondPrescription) {

    Inputs.CategoryInput categoryInput() {
        return new Inputs.CategoryInput(category, complementaryReason, helpingSpouseStatus, helpedPartnerNiss,
                studentInstitution, studentCredits, pensionOptOut);
    }

    Inputs.PersonInput personInput() {
        return new Inputs.PersonInput(firstName, lastName, birthDate, language, email, phone, iban, address, null, null, null);
    }
}
