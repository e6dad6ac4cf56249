package be.caisse.affiliation.application;

import java.time.LocalDate;

/**
 * A person's data as given at registration or in a change; {@code null} means "not given" (unchanged).
 * Values are already validated by the API layer (language code, IBAN, NISS of the partner).
 */
public record PersonData(String firstName, String lastName, LocalDate birthDate, String language, String email,
                         String phone, String iban, Address address, Integer dependants, String partnerNiss) {

    /** A change of only the fields set on the builder. */
    public static Builder only() {
        return new Builder();
    }

    public static final class Builder {
        private String language;
        private String email;
        private String phone;
        private String iban;
        private Address address;
        private boolean contact;

        public Builder language(String v) {
            language = v;
            return this;
        }

        public Builder email(String v) {
            email = v;
            contact = true;
            return this;
        }

        public Builder phone(String v) {
            phone = v;
            contact = true;
            return this;
        }

        public Builder iban(String v) {
            iban = v;
            return this;
        }

        public Builder address(Address v) {
            address = v;
            return this;
        }

        public PersonData build() {
            return new PersonData(null, null, null, language, email, phone, iban, address, null, null);
        }
    }

    public PersonData withBirthDate(LocalDate date) {
        return new PersonData(firstName, lastName, date, language, email, phone, iban, address, dependants, partnerNiss);
    }

    public record Address(String street, String houseNumber, String box, String postalCode, String city, String country) {
        public String oneLine() {
            return street + " " + houseNumber + (box == null || box.isBlank() ? "" : " bte " + box) + ", "
                    + postalCode + " " + city + (country == null ? "" : " (" + country + ")");
        }
    }
}
