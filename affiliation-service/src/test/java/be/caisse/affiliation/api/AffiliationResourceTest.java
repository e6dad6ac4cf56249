package be.caisse.affiliation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.PostgresTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "affiliation"))
@QuarkusTestResource(KafkaTestResource.class)
class AffiliationResourceTest {
    private static final String PROBLEM = "application/problem+json";

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
        LocalDate start = LocalDate.now().plusMonths(1);
        given().contentType("application/json").body(body(niss, "PRINCIPAL", start))
                .when().post("/affiliations")
                .then().statusCode(201)
                .header("Location", endsWith("/affiliations/" + niss))
                .body("niss", equalTo(niss))
                .body("category", equalTo("PRINCIPAL"))
                .body("status", equalTo("ACTIVE"))
                .body("liableFrom", equalTo(be.caisse.common.time.Quarter.of(start).firstDay().toString()));

        TopicReader.Event event = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), AffiliationEvents.TOPIC,
                Duration.ofSeconds(30), e -> e.value().contains(niss) && AffiliationEvents.REGISTERED.equals(e.header("ce_type")));
        assertEquals(AffiliationEvents.REGISTERED, event.header("ce_type"));
        assertEquals("/caisse/affiliation-service", event.header("ce_source"));
        assertEquals("1.0", event.header("ce_specversion"));
        assertEquals(niss, event.key());
        org.junit.jupiter.api.Assertions.assertNotNull(event.header("ce_id"));
        org.junit.jupiter.api.Assertions.assertNotNull(event.header("ce_time"));
        org.junit.jupiter.api.Assertions.assertNotNull(event.header("ce_subject"));
        EventSchemas.assertValid(event.header("ce_type"), event.value());
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void secondActiveAffiliationIsAConflict() {
        String niss = "01051512394";
        given().contentType("application/json").body(body(niss, "COMPLEMENTARY", LocalDate.now()))
                .post("/affiliations").then().statusCode(201);
        given().contentType("application/json").body(body(niss, "PRINCIPAL", LocalDate.now()))
                .post("/affiliations")
                .then().statusCode(409).contentType(PROBLEM)
                .body("title", equalTo("Already affiliated"))
                .body("status", equalTo(409));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void invalidNissIsABadRequestNamingTheField() {
        given().contentType("application/json").body(body("85071412331", "PRINCIPAL", LocalDate.now()))
                .post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("niss"))
                .body("errors.message", hasItem(containsString("check digits")))
                .body("type", startsWith("https://caisse.be/problems/"));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void missingAndWrongFieldsAreListed() {
        given().contentType("application/json").body("{\"niss\":\"85071412330\"}")
                .post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("lastName"))
                .body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("startDate"));
        given().contentType("application/json")
                .body("{\"niss\":\"85071412330\",\"firstName\":\"A\",\"lastName\":\"B\",\"category\":\"KING\",\"startDate\":\"2026-01-01\"}")
                .post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("category"))
                .body("detail", containsString("PRINCIPAL"));
        given().contentType("application/json")
                .body("{\"niss\":\"85071412330\",\"firstName\":\"A\",\"lastName\":\"B\",\"category\":\"PRINCIPAL\",\"startDate\":\"31/01/2026\"}")
                .post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("startDate"));
        given().contentType("application/json").body("{not json")
                .post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("not valid JSON"));
        given().contentType("application/json").body("")
                .post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void startMoreThanSixMonthsAheadIsRefused() {
        given().contentType("application/json").body(body("00010100204", "PRINCIPAL", LocalDate.now().plusMonths(7)))
                .post("/affiliations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("6 months"));
    }

    @Test
    @TestSecurity(user = "lea", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = "85471412319"))
    void anAffiliateCannotRegister() {
        given().contentType("application/json").body(body("85471412319", "PRINCIPAL", LocalDate.now()))
                .post("/affiliations")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void noTokenIsUnauthorized() {
        given().get("/affiliations/85071412330").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void badNissInThePathIsABadRequest() {
        given().get("/affiliations/12345").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("niss"));
    }

    @Test
    @TestSecurity(user = "marc", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = "90030224653"))
    void anAffiliateReadsOnlyTheirOwnDossier() {
        registerAsAgent("90030224653");
        given().get("/affiliations/90030224653").then().statusCode(200).body("niss", equalTo("90030224653"));
        given().get("/affiliations/me").then().statusCode(200).body("niss", equalTo("90030224653"));
        given().get("/affiliations/85071412330").then().statusCode(403).contentType(PROBLEM);
    }

    /** Registers directly through the service layer: the test identity here is an affiliate. */
    @jakarta.inject.Inject
    be.caisse.affiliation.application.AffiliationService service;

    private void registerAsAgent(String niss) {
        service.register(new be.caisse.affiliation.application.AffiliationService.Registration(
                be.caisse.common.identifiers.Niss.parse(niss),
                new be.caisse.affiliation.application.PersonData("Marc", "Peeters", null, null, null, null, null, null, null, null),
                be.caisse.affiliation.domain.CategoryDetails.principal(), LocalDate.now()), "test");
    }
}
