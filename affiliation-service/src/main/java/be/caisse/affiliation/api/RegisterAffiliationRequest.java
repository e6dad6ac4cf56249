package be.caisse.affiliation.api;

import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.ComplementaryReason;
import be.caisse.affiliation.domain.HelpingSpouseStatus;
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

/** What an agent sends to register a self-employed person: the person, the category and its details, the start. */
public record RegisterAffiliationRequest(
        @NotBlank(message = "is required") @ValidNiss String niss,
        @NotBlank(message = "is required") @Size(max = 100, message = "has at most 100 characters") String firstName,
        @NotBlank(message = "is required") @Size(max = 100, message = "has at most 100 characters") String lastName,
        @NotNull(message = "is required") Category category,
        @NotNull(message = "is required") LocalDate startDate,
        ComplementaryReason complementaryReason,
        HelpingSpouseStatus helpingSpouseStatus,
        @ValidNiss String helpedPartnerNiss,
        @Size(max = 200, message = "has at most 200 characters") String studentInstitution,
        @Min(value = 0, message = "is 0 or more") @Max(value = 120, message = "is at most 120") Integer studentCredits,
        Boolean pensionOptOut,
        LocalDate birthDate,
        @Pattern(regexp = "fr|nl|de", message = "is fr, nl or de") String language,
        @Email(message = "is not an e-mail address") String email,
        @Pattern(regexp = "\\+?[0-9 ./-]{6,20}", message = "is not a phone number") String phone,
        String iban,
        @Valid Inputs.AddressInput address) {

    Inputs.CategoryInput categoryInput() {
        return new Inputs.CategoryInput(category, complementaryReason, helpingSpouseStatus, helpedPartnerNiss,
                studentInstitution, studentCredits, pensionOptOut);
    }

    Inputs.PersonInput personInput() {
        return new Inputs.PersonInput(firstName, lastName, birthDate, language, email, phone, iban, address, null, null);
    }
}
