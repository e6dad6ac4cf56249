package be.caisse.affiliation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.common.time.CaisseClock;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.PostgresTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registration through the API, and the contract every input of the API keeps: strict JSON (no coercion, unknown
 * fields refused), dates with a window, a birth date that agrees with the NISS, the prescription horizon confirmed
 * by a supervisor, every wrong field in one answer, in the caller's language, and lists that never fail.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "affiliation"))
@QuarkusTestResource(KafkaTestResource.class)
class AffiliationResourceTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String PROBLEM = "application/problem+json";

    @Inject
    CaisseClock clock;

    @BeforeEach
    void pinTheDate() {
        clock.setToday(TODAY);
    }

    private static String body(String niss, String category, LocalDate start) {
        String reason = category.equals("COMPLEMENTARY") ? ",\"complementaryReason\":\"REPLACEMENT_INCOME\"" : "";
        return """
                {"niss":"%s","firstName":"Léa","lastName":"Dubois","category":"%s","startDate":"%s"%s}
                """.formatted(niss, category, start, reason);
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void agentRegistersAndTheEventIsPublishedWithItsSchema() {
        String niss = "93022800159";
        LocalDate start = TODAY.plusMonths(1);
        given().contentType("application/json").body(body(niss, "PRINCIPAL", start))
                .when().post("/affiliations")
                .then().statusCode(201)
                .header("Location", endsWith("/affiliations/" + niss))
                .header("Cache-Control", "no-store")
                .body("niss", equalTo(niss))
                .body("category", equalTo("PRINCIPAL"))
                .body("status", equalTo("ACTIVE"))
                .body("registeredAt", endsWith("Z"))
                .body("billing.billedFrom", equalTo("2027-01-01"))
                .body("liableFrom", equalTo(be.caisse.common.time.Quarter.of(start).firstDay().toString()));

        TopicReader.Event event = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), AffiliationEvents.TOPIC,
                Duration.ofSeconds(30), e -> e.value().contains(niss) && AffiliationEvents.REGISTERED.equals(e.header("ce_type")));
        assertEquals("/caisse/affiliation-service", event.header("ce_source"));
        assertEquals("1.0", event.header("ce_specversion"));
        assertEquals(niss, event.key());
        org.junit.jupiter.api.Assertions.assertNotNull(event.header("ce_id"));
        EventSchemas.assertValid(event.header("ce_type"), event.value());
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void secondActiveAffiliationIsAConflict() {
        String niss = "01051512394";
        given().contentType("application/json").body(body(niss, "COMPLEMENTARY", TODAY)).post("/affiliations").then().statusCode(201);
        given().contentType("application/json").body(body(niss, "PRINCIPAL", TODAY)).post("/affiliations")
                .then().statusCode(409).contentType(PROBLEM)
                .body("title", equalTo("Already affiliated"))
                .body("type", equalTo("https://caisse.be/problems/already-affiliated"));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void invalidNissIsABadRequestNamingTheFieldWithAStableCode() {
        given().contentType("application/json").body(body("85071412331", "PRINCIPAL", TODAY)).post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'niss' }.code", equalTo("niss.check-digits"))
                .body("errors.find { it.field == 'niss' }.message", containsString("check digits"))
                .body("type", startsWith("https://caisse.be/problems/"));
    }

    /** The class of defect "input taken for something it is not": every wrong field, in one answer, nothing coerced. */
    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void wrongTypesUnknownFieldsAndMissingFieldsAreAllListedAtOnce() {
        given().contentType("application/json").body("""
                {"niss":85071412330,"firstName":123,"lastName":true,"category":"KING","startDate":12345,
                 "birthdate":"1985-07-14","Iban":"BE68539007547034","address":{"street":"Rue","city":7}}""")
                .post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://caisse.be/problems/validation"))
                .body("errors.field", hasItems("niss", "firstName", "lastName", "category", "startDate", "birthdate", "Iban",
                        "address.city", "address.houseNumber", "address.postalCode"))
                .body("errors.find { it.field == 'niss' }.code", equalTo("type-text"))
                .body("errors.find { it.field == 'firstName' }.code", equalTo("type-text"))
                .body("errors.find { it.field == 'lastName' }.code", equalTo("type-text"))
                .body("errors.find { it.field == 'category' }.code", equalTo("one-of"))
                .body("errors.find { it.field == 'category' }.message", containsString("PRINCIPAL"))
                .body("errors.find { it.field == 'startDate' }.code", equalTo("type-date"))
                .body("errors.find { it.field == 'birthdate' }.code", equalTo("unknown-field"))
                .body("errors.find { it.field == 'Iban' }.code", equalTo("unknown-field"))
                .body("errors.find { it.field == 'address.houseNumber' }.code", equalTo("required"))
                .body("errors.message", everyItem(not(containsString("java"))))
                .body("errors.message", everyItem(not(containsString("expected a"))));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void datesAreYyyyMmDdStringsWithinAPlausibleWindow() {
        for (String bad : new String[]{"\"2026-01-01T00:00:00Z\"", "\"+999999999-12-31\"", "\"31/01/2026\"", "20260101", "[2026,1,1]"}) {
            given().contentType("application/json").body(body("85071412330", "PRINCIPAL", TODAY).replace("\"" + TODAY + "\"", bad))
                    .post("/affiliations").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.find { it.field == 'startDate' }.code", equalTo("type-date"));
        }
        given().contentType("application/json").body(body("85071412330", "PRINCIPAL", TODAY).replace(TODAY.toString(), "2026-02-30"))
                .post("/affiliations").then().statusCode(400).body("errors.find { it.field == 'startDate' }.code", equalTo("date-invalid"));
        given().contentType("application/json").body(body("85071412330", "PRINCIPAL", TODAY).replace(TODAY.toString(), "0001-01-01"))
                .post("/affiliations").then().statusCode(400).body("errors.find { it.field == 'startDate' }.code", equalTo("date-window"));
        given().contentType("application/json").body(body("85071412330", "PRINCIPAL", TODAY).replace(TODAY.toString(), "9999-12-31"))
                .post("/affiliations").then().statusCode(400).body("errors.find { it.field == 'startDate' }.code", equalTo("date-window"));
        // 7 months ahead: refused by the registration rule
        given().contentType("application/json").body(body("00010100204", "PRINCIPAL", TODAY.plusMonths(7)))
                .post("/affiliations").then().statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'startDate' }.code", equalTo("start-too-far-ahead"));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void brokenOrMissingBodiesAreProblemsWithoutInternals() {
        given().contentType("application/json").body("{\"niss\":\"85071412330\",").post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("https://caisse.be/problems/malformed-body-at"))
                .body("detail", containsString("line 1"));
        given().contentType("application/json").body("").post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("https://caisse.be/problems/body-required"));
        given().contentType("application/json").body("{\"niss\":\"1\",\"niss\":\"2\"}").post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/json").body("[]").post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].code", equalTo("type-object"));
        given().contentType("application/xml").body("<affiliation/>").post("/affiliations")
                .then().statusCode(415).contentType(PROBLEM);
    }

    /** Issue 13 §2: a registration retried with its Idempotency-Key gets the first answer, never a second registration. */
    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void aRegistrationRetriedWithItsIdempotencyKeyGetsTheFirstAnswer() {
        String niss = Nisses.of(LocalDate.of(1966, 6, 6), 61);
        String key = "reg-" + niss + "-" + System.nanoTime();
        var first = given().contentType("application/json").header("Idempotency-Key", key).body(body(niss, "PRINCIPAL", TODAY))
                .post("/affiliations").then().statusCode(201).extract();
        var again = given().contentType("application/json").header("Idempotency-Key", key).body(body(niss, "PRINCIPAL", TODAY))
                .post("/affiliations").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).extract();
        assertEquals(first.path("id").toString(), again.path("id").toString());
        assertEquals(first.body().asString(), again.body().asString());
        // the same key for another request is refused; without a key a second registration is the usual 409
        given().contentType("application/json").header("Idempotency-Key", key).header("Accept-Language", "nl")
                .body(body(niss, "COMPLEMENTARY", TODAY)).post("/affiliations").then().statusCode(422)
                .header("Content-Language", "nl").body("detail", containsString(key));
        given().contentType("application/json").body(body(niss, "PRINCIPAL", TODAY)).post("/affiliations").then().statusCode(409);
        given().contentType("application/json").header("Idempotency-Key", "not a key!").body(body(niss, "PRINCIPAL", TODAY))
                .post("/affiliations").then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
        // an error is not kept: a request refused under a key can be corrected and sent again with that key
        String other = Nisses.of(LocalDate.of(1966, 6, 7), 63);
        String second = "reg-" + other + "-" + System.nanoTime();
        given().contentType("application/json").header("Idempotency-Key", second)
                .body(body(other, "PRINCIPAL", TODAY).replace("}", ",\"birthDate\":\"1966-06-08\"}")).post("/affiliations").then().statusCode(400);
        given().contentType("application/json").header("Idempotency-Key", second).body(body(other, "PRINCIPAL", TODAY))
                .post("/affiliations").then().statusCode(201);
        given().get("/affiliations/" + niss).then().statusCode(200);
    }

    /** REFERENCE.md §1.5: the National Register number fixes the birth date and its century. */
    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void theBirthDateAgreesWithTheNissAndTheStartComesAfterTheBirth() {
        String niss = Nisses.of(LocalDate.of(1990, 4, 12), 17);
        given().contentType("application/json").body(body(niss, "PRINCIPAL", TODAY).replace("}", ",\"birthDate\":\"1990-04-13\"}"))
                .post("/affiliations").then().statusCode(400)
                .body("errors.find { it.field == 'birthDate' }.code", equalTo("birth-date-niss"))
                .body("errors.find { it.field == 'birthDate' }.message", containsString("1990-04-12"));
        // born in 2001 (the "2" branch of the check digits): a start in 2000 is before the birth
        String young = Nisses.of(LocalDate.of(2001, 6, 1), 21);
        given().contentType("application/json").body(body(young, "PRINCIPAL", LocalDate.of(2000, 1, 3)).replace("}", ",\"confirmBeyondPrescription\":true}"))
                .post("/affiliations").then().statusCode(400)
                .body("errors.code", hasItem("start-before-birth"));
        // a BIS number whose date is unknown takes the date given; a birth date in the future is refused
        String bis = Nisses.bisWithoutDate(88, 31);
        given().contentType("application/json").body(body(bis, "PRINCIPAL", TODAY).replace("}", ",\"birthDate\":\"2030-01-01\"}"))
                .post("/affiliations").then().statusCode(400)
                .body("errors.find { it.field == 'birthDate' }.code", equalTo("birth-date-future"));
        given().contentType("application/json").body(body(bis, "PRINCIPAL", TODAY).replace("}", ",\"birthDate\":\"1988-03-09\"}"))
                .post("/affiliations").then().statusCode(201);
        given().get("/affiliations/persons/" + bis).then().statusCode(200).body("birthDate", equalTo("1988-03-09"));
    }

    /** REFERENCE.md §5.1: contributions prescribe 5 years from 1 January of the next year; 2021 is billable in 2026. */
    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void aStartBeyondThePrescriptionNeedsASupervisor() {
        String niss = Nisses.of(LocalDate.of(1975, 2, 3), 45);
        given().contentType("application/json").body(body(niss, "PRINCIPAL", LocalDate.of(2019, 3, 1))).post("/affiliations")
                .then().statusCode(400).body("errors.find { it.field == 'startDate' }.code", equalTo("start-beyond-prescription"))
                .body("detail", containsString("2021-01-01"));
        given().contentType("application/json").body(body(niss, "PRINCIPAL", LocalDate.of(2019, 3, 1)).replace("}", ",\"confirmBeyondPrescription\":true}"))
                .post("/affiliations").then().statusCode(400)
                .body("errors.find { it.field == 'confirmBeyondPrescription' }.code", equalTo("confirmation-by-supervisor"));
    }

    @Test
    @TestSecurity(user = "supervisor", roles = {"supervisor", "agent"})
    void aSupervisorConfirmsAndTheAnswerSaysWhatIsBilled() {
        String niss = Nisses.of(LocalDate.of(1975, 2, 3), 47);
        given().contentType("application/json").body(body(niss, "PRINCIPAL", LocalDate.of(2019, 3, 1)).replace("}", ",\"confirmBeyondPrescription\":true}"))
                .post("/affiliations").then().statusCode(201)
                .body("lateRegistration", equalTo(true))
                .body("billing.liableFrom", equalTo("2019-01-01"))
                .body("billing.prescribedUntil", equalTo("2020-12-31"))
                .body("billing.billedFrom", equalTo("2021-01-01"))
                .body("billing.note", containsString("prescribed"));
    }

    @Test
    @TestSecurity(user = "lea", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = "85471412319"))
    void anAffiliateCannotRegister() {
        given().contentType("application/json").body("{\"not\":\"even valid\"}").post("/affiliations")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void noTokenIsUnauthorized() {
        given().get("/affiliations/85071412330").then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void badNissInThePathIsABadRequestForStaff() {
        given().get("/affiliations/12345").then().statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'niss' }.code", equalTo("niss.length"));
    }

    @Test
    @TestSecurity(user = "marc", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = "90030224653"))
    void anAffiliateReachesOnlyHerOwnDossierAndIsRefusedBeforeAnythingIsRead() {
        registerDirectly("90030224653");
        given().get("/affiliations/90030224653").then().statusCode(200).body("niss", equalTo("90030224653"));
        given().get("/affiliations/me").then().statusCode(200).body("niss", equalTo("90030224653"));
        given().get("/affiliations/85071412330").then().statusCode(403).contentType(PROBLEM);
        // another dossier: 403 before the paging (or the NISS) is even looked at
        given().get("/affiliations/85071412330/history?page=abc").then().statusCode(403).contentType(PROBLEM);
        given().get("/affiliations/12345/history").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "marc", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = "90030224653"))
    void theMembersOwnLanguageWhenSheSendsNone() {
        registerDirectly("90030224653"); // recorded with language nl
        given().contentType("application/json").body("{\"type\":\"LANGUAGE_CHANGE\"}").post("/affiliations/me/requests")
                .then().statusCode(400).header("Content-Language", "nl")
                .body("title", equalTo("Het verzoek is niet geldig"));
        given().header("Accept-Language", "de-BE,de;q=0.9").contentType("application/json").body("{\"type\":\"LANGUAGE_CHANGE\"}")
                .post("/affiliations/me/requests").then().statusCode(400).header("Content-Language", "de");
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void problemsAreInTheLanguageAsked() {
        given().header("Accept-Language", "fr-BE, en;q=0.5").get("/affiliations/12345").then().statusCode(400)
                .header("Content-Language", "fr").body("title", equalTo("La demande n'est pas valable"))
                .body("errors[0].message", containsString("11 chiffres"));
        given().header("Accept-Language", "nl").get("/affiliations/12345").then().header("Content-Language", "nl")
                .body("errors[0].message", containsString("11 cijfers"));
        given().header("Accept-Language", "de").get("/affiliations/12345").then().header("Content-Language", "de")
                .body("errors[0].message", containsString("11 Ziffern"));
        given().header("Accept-Language", "es").get("/affiliations/12345").then().header("Content-Language", "en")
                .body("errors[0].message", containsString("11 digits"));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void listsNeverFail() {
        given().get("/affiliations?name=dubois&page=abc").then().statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'page' }.code", equalTo("page-number"));
        given().get("/affiliations?name=dubois&page=2147483647&size=100").then().statusCode(400)
                .body("errors.find { it.field == 'page' }.code", equalTo("page-too-far"));
        given().get("/affiliations?name=dubois&page=99999999999999999999").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        given().get("/affiliations?name=dubois&size=0").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/affiliations?name=x&size=500").then().statusCode(400)
                .body("errors.field", hasItems("size", "name"));
        given().get("/affiliations?name=dubois&page=21474").then().statusCode(200).body("items", empty());
        given().get("/affiliations").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void searchIgnoresCaseAndAccentsTakesEitherOrderAndEscapesWildcards() {
        String niss = Nisses.of(LocalDate.of(1979, 9, 9), 61);
        given().contentType("application/json").body("""
                {"niss":"%s","firstName":"Hélène","lastName":"Dupré-Lefèvre","category":"PRINCIPAL","startDate":"%s"}""".formatted(niss, TODAY))
                .post("/affiliations").then().statusCode(201);
        for (String q : new String[]{"helene", "HÉLÈNE", "dupre lefevre helene", "helene dupre", "Dupré-Lefèvre Hélène"}) {
            given().queryParam("name", q).get("/affiliations").then().statusCode(200).body("items.niss", hasItem(niss));
        }
        given().queryParam("name", "h%ne").get("/affiliations").then().statusCode(200).body("items.niss", not(hasItem(niss)));
        given().queryParam("name", "h_l").get("/affiliations").then().statusCode(200).body("items", hasSize(0));
    }

    @Inject
    be.caisse.affiliation.application.AffiliationService service;

    /** Registers through the service layer: the test identity is an affiliate here. */
    private void registerDirectly(String niss) {
        if (be.caisse.affiliation.persistence.AffiliationEntity.findActive(niss).isPresent()) {
            return;
        }
        service.register(new be.caisse.affiliation.application.AffiliationService.Registration(
                be.caisse.common.identifiers.Niss.parse(niss),
                new be.caisse.affiliation.application.PersonData("Marc", "Peeters", null, "nl", null, null, null, null, null, null),
                be.caisse.affiliation.domain.CategoryDetails.principal(), TODAY, false, false), "test");
    }
}
