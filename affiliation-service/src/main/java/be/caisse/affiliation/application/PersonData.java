package be.caisse.affiliation.application;

import java.time.LocalDate;

/**
 * A person's data as given at registration or in a change; {@code null} means "not given" (unchanged).
 * Values are already validated by the API layer (language code, IBAN, NISS of the partner).
 */
public record PersonData(String firstName, String lastName, LocalDate birthDate, String language, String email,
                         String phone, String iban, Address address, Integer dependants, String partnerNiss) {

    public record Address(String street, String houseNumber, String box, String postalCode, String city, String country) {
        public String oneLine() {
            return street + " " + houseNumber + (box == null || box.isBlank() ? "" : " bte " + box) + ", "
                    + postalCode + " " + city + (country == null ? "" : " (" + country + ")");
        }
    }
}
