package be.caisse.affiliation.api;

import be.caisse.affiliation.domain.Category;
import be.caisse.common.identifiers.ValidNiss;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What an agent sends to register a self-employed person. */
public record RegisterAffiliationRequest(
        @NotBlank(message = "is required") @ValidNiss String niss,
        @NotBlank(message = "is required") @Size(max = 100, message = "has at most 100 characters") String firstName,
        @NotBlank(message = "is required") @Size(max = 100, message = "has at most 100 characters") String lastName,
        @NotNull(message = "is required") Category category,
        @NotNull(message = "is required") LocalDate startDate) {
}
