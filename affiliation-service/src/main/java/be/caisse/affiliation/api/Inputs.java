package be.caisse.affiliation.api;

import be.caisse.affiliation.application.PersonData;
import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.domain.ComplementaryReason;
import be.caisse.affiliation.domain.CorrectionAction;
import be.caisse.affiliation.domain.HelpingSpouseStatus;
import be.caisse.common.identifiers.Iban;
import be.caisse.common.identifiers.Niss;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the affiliation API, validated before anything else happens. */
public final class Inputs {
    /** The windows of the dates, as the OpenAPI document states them. */
    static final String START = "Start of activity (yyyy-MM-dd): not before the birth date, at most 6 months ahead. "
            + "A start before 1 January of the oldest year the fund can still bill (5 years back: prescription) is "
            + "refused unless a supervisor sets confirmBeyondPrescription. Any date lies within 1900-01-01 – 2100-12-31.";
    static final String BIRTH = "Birth date (yyyy-MM-dd): not in the future; a National Register number fixes it, so "
            + "a different date is refused (a BIS number with an unknown date takes this one).";
    static final String EVENT = "Date of the event (yyyy-MM-dd): not before the start of the current period, at most 6 "
            + "months ahead; a date after today is planned and takes effect on it (it can be cancelled until then).";

    private Inputs() {
    }

    public record AddressInput(
            @NotBlank(message = "required") @Size(max = 200) String street,
            @NotBlank(message = "required") @Size(max = 20) String houseNumber,
            @Size(max = 20) String box,
            @NotBlank(message = "required") @Pattern(regexp = "[0-9A-Za-z -]{3,10}", message = "postal-code") String postalCode,
            @NotBlank(message = "required") @Size(max = 100) String city,
            @Pattern(regexp = "[A-Z]{2}", message = "country") String country) {
        PersonData.Address toAddress() {
            return new PersonData.Address(street.strip(), houseNumber.strip(), box, postalCode.strip(), city.strip(),
                    country == null ? "BE" : country);
        }
    }

    /** Optional person fields in an agent's change. */
    public record PersonInput(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Schema(description = BIRTH) LocalDate birthDate,
            @Pattern(regexp = "fr|nl|de", message = "language") String language,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "\\+?[0-9 ./-]{6,20}", message = "phone") String phone,
            @ValidIban String iban,
            @Valid AddressInput address,
            @Min(0) @Max(30) Integer dependants,
            @ValidNiss String partnerNiss,
            @Schema(description = "EMAIL (a link to each new document) or PAPER (letters); e-mail needs an address")
            @Pattern(regexp = "EMAIL|PAPER", message = "delivery-channel") String deliveryChannel) {
        PersonData toData() {
            return new PersonData(firstName, lastName, birthDate, language, email, phone,
                    iban == null ? null : Iban.parse(iban).value(), address == null ? null : address.toAddress(),
                    dependants, partnerNiss == null ? null : Niss.parse(partnerNiss).value());
        }
    }

    /** What a member changes herself, without a request: how the fund reaches her. */
    public record ContactInput(
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "\\+?[0-9 ./-]{6,20}", message = "phone") String phone,
            @Schema(description = "EMAIL (a link to each new document) or PAPER (letters); e-mail needs an address")
            @Pattern(regexp = "EMAIL|PAPER", message = "delivery-channel") String deliveryChannel) {
    }

    /** A category with the details the law needs for it. */
    public record CategoryInput(
            @NotNull(message = "required") Category category,
            ComplementaryReason complementaryReason,
            HelpingSpouseStatus helpingSpouseStatus,
            @ValidNiss String helpedPartnerNiss,
            @Size(max = 200) String studentInstitution,
            @Min(0) @Max(120) Integer studentCredits,
            Boolean pensionOptOut) {
        CategoryDetails toDetails() {
            return new CategoryDetails(category, complementaryReason, helpingSpouseStatus,
                    helpedPartnerNiss == null ? null : Niss.parse(helpedPartnerNiss).value(), studentInstitution,
                    studentCredits, Boolean.TRUE.equals(pensionOptOut));
        }
    }

    public record CategoryChangeInput(@NotNull(message = "required") @Valid CategoryInput category,
                                      @NotNull(message = "required") @Schema(description = EVENT) LocalDate eventDate) {
    }

    public record DateInput(@NotNull(message = "required") @Schema(description = EVENT) LocalDate date) {
    }

    public record EndDateInput(@NotNull(message = "required") @Schema(description = "Last day (yyyy-MM-dd): not before the start") LocalDate date) {
    }

    public record CessationInput(@NotNull(message = "required") @Schema(description = EVENT) LocalDate date,
                                 @NotNull(message = "required") CessationReason reason) {
    }

    public record TransferInput(@NotNull(message = "required")
                                @Schema(description = "Date of the member's request to change fund (yyyy-MM-dd, not in the future); the transfer takes effect on 1 January and is planned until the day before") LocalDate requestDate) {
    }

    public record HelperInput(@NotBlank(message = "required") @ValidNiss String helperNiss,
                              @NotNull(message = "required") @Schema(description = "First day of the help (yyyy-MM-dd)") LocalDate startDate) {
    }

    public record CancellationInput(@NotBlank(message = "required") @Size(max = 400) String reason) {
    }

    /**
     * A correction of a transition recorded by mistake: cancel it, or amend its date (AMEND_DATE with date) or its
     * category (AMEND_CATEGORY with category), always with the reason.
     */
    public record CorrectionInput(@NotNull(message = "required") UUID transitionId,
                                  @NotNull(message = "required") CorrectionAction action,
                                  @Schema(description = "The right date (AMEND_DATE), yyyy-MM-dd, at most 6 months ahead") LocalDate date,
                                  @Valid CategoryInput category,
                                  @NotBlank(message = "required") @Size(max = 1000) String reason) {
    }

    public record DecisionInput(@NotNull(message = "required") Boolean approve,
                                @Size(max = 400) String note) {
    }

    public record ProposalDecisionInput(@NotNull(message = "required") Boolean confirm,
                                        @Size(max = 400) String note) {
    }
}
