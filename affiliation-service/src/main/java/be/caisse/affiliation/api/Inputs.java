package be.caisse.affiliation.api;

import be.caisse.affiliation.application.PersonData;
import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.domain.ComplementaryReason;
import be.caisse.affiliation.domain.HelpingSpouseStatus;
import be.caisse.common.identifiers.Iban;
import be.caisse.common.identifiers.Niss;
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

/** The request bodies of the affiliation API, validated before anything else happens. */
public final class Inputs {
    private Inputs() {
    }

    public record AddressInput(
            @NotBlank(message = "is required") @Size(max = 200, message = "has at most 200 characters") String street,
            @NotBlank(message = "is required") @Size(max = 20, message = "has at most 20 characters") String houseNumber,
            @Size(max = 20, message = "has at most 20 characters") String box,
            @NotBlank(message = "is required") @Pattern(regexp = "[0-9A-Za-z -]{3,10}", message = "is not a postal code") String postalCode,
            @NotBlank(message = "is required") @Size(max = 100, message = "has at most 100 characters") String city,
            @Pattern(regexp = "[A-Z]{2}", message = "is a two-letter country code like BE") String country) {
        PersonData.Address toAddress() {
            return new PersonData.Address(street.strip(), houseNumber.strip(), box, postalCode.strip(), city.strip(),
                    country == null ? "BE" : country);
        }
    }

    /** Optional person fields at registration and in an agent's change. */
    public record PersonInput(
            @Size(min = 1, max = 100, message = "has 1 to 100 characters") String firstName,
            @Size(min = 1, max = 100, message = "has 1 to 100 characters") String lastName,
            LocalDate birthDate,
            @Pattern(regexp = "fr|nl|de", message = "is fr, nl or de") String language,
            @Email(message = "is not an e-mail address") @Size(max = 200, message = "has at most 200 characters") String email,
            @Pattern(regexp = "\\+?[0-9 ./-]{6,20}", message = "is not a phone number") String phone,
            String iban,
            @Valid AddressInput address,
            @Min(value = 0, message = "is 0 or more") @Max(value = 30, message = "is at most 30") Integer dependants,
            @ValidNiss String partnerNiss) {
        PersonData toData() {
            return new PersonData(firstName, lastName, birthDate, language, email, phone,
                    iban == null ? null : Iban.parse(iban).value(), address == null ? null : address.toAddress(),
                    dependants, partnerNiss == null ? null : Niss.parse(partnerNiss).value());
        }
    }

    /** A category with the details the law needs for it. */
    public record CategoryInput(
            @NotNull(message = "is required") Category category,
            ComplementaryReason complementaryReason,
            HelpingSpouseStatus helpingSpouseStatus,
            @ValidNiss String helpedPartnerNiss,
            @Size(max = 200, message = "has at most 200 characters") String studentInstitution,
            @Min(value = 0, message = "is 0 or more") @Max(value = 120, message = "is at most 120") Integer studentCredits,
            Boolean pensionOptOut) {
        CategoryDetails toDetails() {
            return new CategoryDetails(category, complementaryReason, helpingSpouseStatus,
                    helpedPartnerNiss == null ? null : Niss.parse(helpedPartnerNiss).value(), studentInstitution,
                    studentCredits, Boolean.TRUE.equals(pensionOptOut));
        }
    }

    public record CategoryChangeInput(@NotNull(message = "is required") @Valid CategoryInput category,
                                      @NotNull(message = "is required") LocalDate eventDate) {
    }

    public record DateInput(@NotNull(message = "is required") LocalDate date) {
    }

    public record CessationInput(@NotNull(message = "is required") LocalDate date,
                                 @NotNull(message = "is required") CessationReason reason) {
    }

    public record TransferInput(@NotNull(message = "is required") LocalDate requestDate) {
    }

    public record HelperInput(@NotBlank(message = "is required") @ValidNiss String helperNiss,
                              @NotNull(message = "is required") LocalDate startDate) {
    }
}
