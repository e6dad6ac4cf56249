package be.caisse.affiliation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.common.time.CaisseClock;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The affiliation life cycle through the API (REFERENCE.md §1): categories and their conditions, changes by the
 * quarter rules, interruption and resumption, cessation with its reason and what it touches, transitions dated
 * ahead (planned, cancelled, applied on their date), transfer, persons and their history, companies, mandates,
 * helpers, life events. The service's date is pinned to 2026-12-01 (the test profile's clock is adjustable).
 */
@QuarkusTest
@TestSecurity(user = "agent", roles = "agent")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AffiliationLifecycleTest {
    static final LocalDate TODAY = AffiliationResourceTest.TODAY;
    private static final String PROBLEM = "application/problem+json";

    @Inject
    CaisseClock clock;

    @BeforeEach
    void pinTheDate() {
        clock.setToday(TODAY);
    }

    static ValidatableResponse post(String path, String body) {
        return given().contentType("application/json").body(body).post(path).then();
    }

    static void register(String niss, String category, String start, String extra) {
        post("/affiliations", """
                {"niss":"%s","firstName":"Test","lastName":"Person%s","category":"%s","startDate":"%s"%s}
                """.formatted(niss, niss.substring(7), category, start, extra)).statusCode(201);
    }

    @Test
    void complementaryBecomesPrincipalFromTheQuarterOfTheEventAndTheHistoryKeepsBoth() {
        String niss = "70010100188";
        register(niss, "COMPLEMENTARY", "2024-01-15", ",\"complementaryReason\":\"EMPLOYMENT_AT_LEAST_HALF_TIME\"");
        post("/affiliations/" + niss + "/category-changes", """
                {"category":{"category":"PRINCIPAL"},"eventDate":"2025-05-17"}""")
                .statusCode(201)
                .header("Location", containsString("/affiliations/" + niss + "/transitions/"))
                .body("transition.type", equalTo("CATEGORY_CHANGE"))
                .body("transition.status", equalTo("APPLIED"))
                .body("transition.effectiveDate", equalTo("2025-04-01"))   // §1.2: first day of the quarter of the event
                .body("affiliation.category", equalTo("PRINCIPAL"))
                .body("affiliation.startDate", equalTo("2025-04-01"))
                .body("affiliation.openedBy", equalTo("CATEGORY_CHANGE"));
        given().get("/affiliations/" + niss + "/history").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[1].category", equalTo("COMPLEMENTARY"))
                .body("items[1].endDate", equalTo("2025-03-31"))
                .body("items[1].status", equalTo("CLOSED"));
        // principal → complementary: from the next quarter
        post("/affiliations/" + niss + "/category-changes", """
                {"category":{"category":"COMPLEMENTARY","complementaryReason":"TEACHING"},"eventDate":"2026-08-03"}""")
                .statusCode(201).body("affiliation.startDate", equalTo("2026-10-01"));
        post("/affiliations/" + niss + "/category-changes", """
                {"category":{"category":"COMPLEMENTARY"},"eventDate":"2026-11-03"}""")
                .statusCode(400).contentType(PROBLEM).body("type", containsString("same-category"))
                .body("errors.field", hasItem("category.category"));
    }

    @Test
    void aCessationForBankruptcyRecordsTheLifeEventAndListsWhatItTouches() {
        String niss = "70010100287";
        String spouse = Nisses.of(LocalDate.of(1972, 5, 5), 12);
        register(niss, "PRINCIPAL", "2023-02-01", "");
        register(spouse, "HELPING_SPOUSE", "2024-01-01", ",\"helpedPartnerNiss\":\"" + niss + "\"");
        post("/affiliations/companies", """
                {"enterpriseNumber":"0403.171.689","name":"Faillite SRL","legalForm":"SRL","incorporationDate":"2025-01-15"}""").statusCode(201);
        post("/affiliations/companies/0403171689/mandates", "{\"niss\":\"" + niss + "\",\"role\":\"DIRECTOR\",\"startDate\":\"2025-01-15\"}")
                .statusCode(201);
        String proposal = post("/affiliations/" + niss + "/cessations", "{\"date\":\"2026-08-10\",\"reason\":\"BANKRUPTCY\"}")
                .statusCode(201)
                .body("affiliation.status", equalTo("CEASED"))
                .body("affiliation.cessationReason", equalTo("BANKRUPTCY"))
                .body("affiliation.liableUntil", equalTo("2026-09-30"))   // §1.3: the quarter of cessation is due in full
                .body("linked.proposals[0].kind", equalTo("END_HELPER"))
                .body("linked.proposals[0].subjectNiss", equalTo(spouse))
                .body("linked.proposals[0].status", equalTo("PENDING"))
                .body("linked.mandates[0].enterpriseNumber", equalTo("0403171689"))   // listed, not ended
                .body("linked.mandates[0].endDate", nullValue())
                .extract().path("linked.proposals[0].id");
        given().get("/affiliations/" + niss + "/life-events").then().statusCode(200)
                .body("items[0].type", equalTo("BANKRUPTCY")).body("items[0].source", equalTo("CESSATION"))
                .body("items[0].date", equalTo("2026-08-10"));
        given().get("/affiliations/" + niss).then().body("proposals[0].id", equalTo(proposal));
        // the agent confirms: the spouse's link and affiliation end with the activity she helped
        post("/affiliations/proposals/" + proposal + "/decision", "{\"confirm\":true,\"note\":\"she stops too\"}")
                .statusCode(200).body("status", equalTo("CONFIRMED"));
        given().get("/affiliations/" + spouse).then().body("status", equalTo("CEASED"))
                .body("cessationReason", equalTo("HELPED_ACTIVITY_ENDED")).body("endDate", equalTo("2026-08-10"));
        given().get("/affiliations/" + niss + "/helpers").then().body("items[0].endDate", equalTo("2026-08-10"));
        post("/affiliations/" + niss + "/cessations", "{\"date\":\"2026-08-10\",\"reason\":\"VOLUNTARY\"}")
                .statusCode(409).contentType(PROBLEM);
        post("/affiliations", """
                {"niss":"%s","firstName":"T","lastName":"P","category":"PRINCIPAL","startDate":"2026-05-01"}""".formatted(niss))
                .statusCode(400).body("type", containsString("overlapping-period"));
        post("/affiliations/" + niss + "/cessations", "{\"date\":\"2026-08-10\",\"reason\":\"SLEEPING\"}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reason"));
    }

    @Test
    void interruptionAndResumption() {
        String niss = "70010100386";
        register(niss, "PRINCIPAL", "2022-03-01", "");
        post("/affiliations/" + niss + "/interruptions", "{\"date\":\"2025-02-10\"}").statusCode(201)
                .body("affiliation.status", equalTo("INTERRUPTED")).body("affiliation.liableUntil", equalTo("2025-03-31"));
        post("/affiliations/" + niss + "/resumptions", "{\"date\":\"2025-03-20\"}").statusCode(400)
                .body("type", containsString("resumption-in-same-quarter"));
        post("/affiliations/" + niss + "/resumptions", "{\"date\":\"2025-09-01\"}").statusCode(201)
                .body("affiliation.status", equalTo("ACTIVE")).body("affiliation.liableFrom", equalTo("2025-07-01"));
        given().get("/affiliations/" + niss + "/history?size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("totalItems", equalTo(2)).body("totalPages", equalTo(2));
        given().get("/affiliations/" + niss + "/transitions").then().statusCode(200)
                .body("items.type", hasItem("RESUMPTION")).body("items.type", hasItem("INTERRUPTION"))
                .body("items.type", hasItem("REGISTRATION"));
    }

    /** Today {@code interruptions {"date":"9999-12-31"}} would have interrupted the dossier at once, for ever. */
    @Test
    void transitionsDatedAheadArePlannedCancellableAndTakeEffectOnTheirDate() {
        String niss = Nisses.of(LocalDate.of(1981, 1, 20), 33);
        register(niss, "PRINCIPAL", "2023-01-02", "");
        post("/affiliations/" + niss + "/interruptions", "{\"date\":\"9999-12-31\"}").statusCode(400)
                .body("errors.find { it.field == 'date' }.code", equalTo("date-window"));
        post("/affiliations/" + niss + "/interruptions", "{\"date\":\"2027-07-01\"}").statusCode(400)
                .body("errors.find { it.field == 'date' }.code", equalTo("date-too-far-ahead"));
        String planned = post("/affiliations/" + niss + "/interruptions", "{\"date\":\"2027-03-15\"}").statusCode(201)
                .body("transition.status", equalTo("PLANNED"))
                .body("affiliation.status", equalTo("ACTIVE"))
                .extract().path("transition.id");
        given().get("/affiliations/" + niss).then().body("status", equalTo("ACTIVE"))
                .body("planned[0].id", equalTo(planned)).body("planned[0].date", equalTo("2027-03-15"));
        // one planned transition at a time
        post("/affiliations/" + niss + "/cessations", "{\"date\":\"2027-02-01\",\"reason\":\"VOLUNTARY\"}").statusCode(409)
                .body("type", containsString("transition-planned"));
        post("/affiliations/" + niss + "/transitions/" + planned + "/cancellation", "{\"reason\":\"entered by mistake\"}")
                .statusCode(200).body("transition.status", equalTo("CANCELLED")).body("transition.endReason", equalTo("entered by mistake"));
        post("/affiliations/" + niss + "/transitions/" + planned + "/cancellation", "{\"reason\":\"twice\"}").statusCode(409);
        // a cessation planned for 31 January 2027 takes effect when that date comes (here: read after the clock moved)
        post("/affiliations/" + niss + "/cessations", "{\"date\":\"2027-01-31\",\"reason\":\"VOLUNTARY\"}").statusCode(201)
                .body("transition.status", equalTo("PLANNED"));
        clock.setToday(LocalDate.of(2027, 1, 31));
        given().get("/affiliations/" + niss).then().body("status", equalTo("CEASED")).body("endDate", equalTo("2027-01-31"))
                .body("liableUntil", equalTo("2027-03-31"));
        given().get("/affiliations/" + niss + "/transitions").then()
                .body("items.find { it.type == 'CESSATION' }.status", equalTo("APPLIED"))
                .body("items.find { it.type == 'INTERRUPTION' }.status", equalTo("CANCELLED"));
        TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), AffiliationEvents.TOPIC, Duration.ofSeconds(30),
                e -> e.key().equals(niss) && AffiliationEvents.CEASED.equals(e.header("ce_type")));
    }

    @Test
    void aTransferIsPlannedForTheDayBeforeItTakesEffect() {
        String niss = "70010100485";
        register(niss, "PRINCIPAL", "2021-03-01", "");
        post("/affiliations/" + niss + "/transfers", "{\"requestDate\":\"2026-05-10\"}").statusCode(201)
                .body("transition.status", equalTo("PLANNED")).body("transition.date", equalTo("2026-12-31"))
                .body("transition.effectiveDate", equalTo("2027-01-01")).body("affiliation.status", equalTo("ACTIVE"));
        clock.setToday(LocalDate.of(2026, 12, 31));
        given().get("/affiliations/" + niss).then().body("status", equalTo("CEASED")).body("endDate", equalTo("2026-12-31"))
                .body("cessationReason", equalTo("TRANSFER_TO_ANOTHER_FUND"));
        String young = "70010100584";
        register(young, "PRINCIPAL", "2024-03-01", "");
        post("/affiliations/" + young + "/transfers", "{\"requestDate\":\"2026-05-10\"}").statusCode(400)
                .body("type", containsString("fund-change-too-early"));
        post("/affiliations/" + young + "/transfers", "{\"requestDate\":\"2027-05-10\"}").statusCode(400)
                .body("errors.find { it.field == 'requestDate' }.code", equalTo("request-date-future"));
    }

    @Test
    void studentAndHelpingSpouseConditions() {
        post("/affiliations", """
                {"niss":"70010100683","firstName":"T","lastName":"S","category":"STUDENT","startDate":"2026-01-01",
                 "studentInstitution":"ULB","studentCredits":60}""")
                .statusCode(400).body("type", containsString("student-age"));
        String partner = "70010100782";
        register(partner, "PRINCIPAL", "2021-01-01", "");
        String spouse = "72020200110";
        register(spouse, "HELPING_SPOUSE", "2024-01-01", ",\"helpedPartnerNiss\":\"" + partner + "\"");
        given().get("/affiliations/" + spouse).then().body("helpingSpouseStatus", equalTo("MAXI"));
        String linkId = given().get("/affiliations/" + partner + "/helpers").then().statusCode(200)
                .body("items[0].helperNiss", equalTo(spouse)).body("totalItems", equalTo(1)).extract().path("items[0].id");
        post("/affiliations/helpers/" + linkId + "/end", "{\"date\":\"2023-12-31\"}").statusCode(400)
                .body("type", containsString("link-end-before-start"));
        post("/affiliations/helpers/" + linkId + "/end", "{\"date\":\"2025-12-31\"}").statusCode(200)
                .body("endDate", equalTo("2025-12-31"));
        post("/affiliations", """
                {"niss":"72020200209","firstName":"T","lastName":"S","category":"HELPING_SPOUSE","startDate":"2024-01-01",
                 "helpingSpouseStatus":"MINI","helpedPartnerNiss":"%s"}""".formatted(partner))
                .statusCode(400).body("type", containsString("mini-statut-not-allowed"));
        post("/affiliations", """
                {"niss":"72020200209","firstName":"T","lastName":"S","category":"HELPING_SPOUSE","startDate":"2024-01-01",
                 "helpedPartnerNiss":"72020200308"}""")
                .statusCode(400).body("type", containsString("helped-partner-not-affiliated"));
    }

    @Test
    @TestSecurity(user = "supervisor", roles = {"supervisor", "agent"})
    void aStudentWhoTurned25BecomesPrincipalFromTheQuarterOfTheBirthday() {
        String niss = "01030112315"; // born 1 March 2001: 25 on 1 March 2026
        post("/affiliations", """
                {"niss":"%s","firstName":"T","lastName":"Student","category":"STUDENT","startDate":"2024-01-08",
                 "studentInstitution":"UCLouvain","studentCredits":60}""".formatted(niss)).statusCode(201);
        post("/affiliations/reviews/student-age-limit", "").statusCode(200);
        given().get("/affiliations/" + niss).then().statusCode(200)
                .body("category", equalTo("PRINCIPAL"))
                .body("startDate", equalTo("2026-01-01"))
                .body("openedBy", equalTo("CATEGORY_CHANGE"));
        given().get("/affiliations/" + niss + "/history").then().body("items[1].category", equalTo("STUDENT"))
                .body("items[1].endDate", equalTo("2025-12-31"));
    }

    @Test
    void personChangesAreKeptWithWhoAndWhenAndTheBirthDateAgreesWithTheNiss() {
        String niss = "70010100881";
        register(niss, "PRINCIPAL", "2021-01-01", ",\"language\":\"nl\",\"iban\":\"BE68 5390 0754 7034\"");
        given().contentType("application/json").body("""
                {"address":{"street":"Rue de la Loi","houseNumber":"16","postalCode":"1000","city":"Bruxelles"},
                 "language":"fr","iban":"BE71 0961 2345 6769"}""")
                .patch("/affiliations/persons/" + niss).then().statusCode(200)
                .body("language", equalTo("fr")).body("iban", equalTo("BE71096123456769"))
                .body("address.city", equalTo("Bruxelles"));
        given().get("/affiliations/persons/" + niss + "/changes").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.field", hasItem("IBAN"))
                .body("items.changedBy", hasItem("agent"))
                .body("items.changedAt[0]", endsWith("Z"))
                .body("items.find { it.field == 'LANGUAGE' }.oldValue", equalTo("nl"));
        given().contentType("application/json").body("{\"iban\":\"BE71 0961 2345 6760\",\"language\":\"en\",\"email\":\"not-mail\"}")
                .patch("/affiliations/persons/" + niss).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("iban")).body("errors.field", hasItem("language")).body("errors.field", hasItem("email"));
        // born 1 January 1970 by its NISS
        given().contentType("application/json").body("{\"birthDate\":\"1970-01-02\"}")
                .patch("/affiliations/persons/" + niss).then().statusCode(400)
                .body("errors.find { it.field == 'birthDate' }.code", equalTo("birth-date-niss"));
    }

    @Test
    void companyWithDirectorBalanceSheetAndCessation() {
        String director = "70010100980";
        register(director, "PRINCIPAL", "2021-01-01", "");
        post("/affiliations/companies", """
                {"enterpriseNumber":"0403.170.701","name":"Dubois Conseil","legalForm":"SRL","incorporationDate":"2026-01-15"}""")
                .statusCode(201).body("lateAffiliation", equalTo(true)).body("enterpriseNumber", equalTo("0403170701"))
                .header("Location", endsWith("/affiliations/companies/0403170701"));
        post("/affiliations/companies", """
                {"enterpriseNumber":"0403.170.702","name":"X","legalForm":"SRL","incorporationDate":"2026-01-15"}""")
                .statusCode(400).body("errors.field", hasItem("enterpriseNumber"));
        post("/affiliations/companies/0403170701/mandates", "{\"niss\":\"" + director + "\",\"role\":\"DIRECTOR\",\"startDate\":\"2026-01-15\"}")
                .statusCode(201);
        post("/affiliations/companies/0403170701/balance-sheets", "{\"financialYear\":2026,\"total\":912345.67}").statusCode(201);
        post("/affiliations/companies/0403170701/balance-sheets", "{\"financialYear\":2026,\"total\":-1}").statusCode(400);
        post("/affiliations/companies/0403170701/balance-sheets", "{\"financialYear\":2026,\"total\":\"912345.67\"}").statusCode(400)
                .body("errors.find { it.field == 'total' }.code", equalTo("type-number"));
        given().get("/affiliations/companies/0403170701/balance-sheets").then().body("items[0].total", equalTo(912345.67f));
        given().get("/affiliations?enterpriseNumber=0403170701").then().statusCode(200)
                .body("items[0].niss", equalTo(director));
        post("/affiliations/companies/0403170701/cessations", "{\"date\":\"2026-10-31\",\"reason\":\"BANKRUPTCY\"}")
                .statusCode(201).body("status", equalTo("CEASED"));
        given().get("/affiliations/companies/0403170701/mandates").then().body("items[0].endDate", equalTo("2026-10-31"));
    }

    @Test
    void lifeEventsAreRecordedForRightsGrantedWithoutAsking() {
        String niss = "70010101178";
        register(niss, "PRINCIPAL", "2021-01-01", "");
        post("/affiliations/" + niss + "/life-events", "{\"type\":\"BIRTH\",\"date\":\"2026-10-02\",\"source\":\"NATIONAL_REGISTER\"}")
                .statusCode(201).body("type", equalTo("BIRTH"));
        post("/affiliations/" + niss + "/life-events", "{\"type\":\"BIRTH\",\"date\":\"2099-01-01\"}").statusCode(400);
        post("/affiliations/" + niss + "/life-events", "{\"type\":\"WEDDING\",\"date\":\"2026-01-01\"}").statusCode(400)
                .body("errors.field", hasItem("type"));
        given().get("/affiliations/" + niss + "/life-events").then().body("items[0].source", equalTo("NATIONAL_REGISTER"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the others (and CorrectionTest), so that every type of event has been published
    void everyEventPublishedMatchesTheSchemaOfItsType() {
        Set<String> expected = Set.of(AffiliationEvents.PERSON_REGISTERED, AffiliationEvents.PERSON_CHANGED,
                AffiliationEvents.REGISTERED, AffiliationEvents.CATEGORY_CHANGED, AffiliationEvents.INTERRUPTED,
                AffiliationEvents.RESUMED, AffiliationEvents.CEASED, AffiliationEvents.TRANSFERRED,
                AffiliationEvents.COMPANY_REGISTERED, AffiliationEvents.BALANCE_SHEET_RECORDED,
                AffiliationEvents.COMPANY_CEASED, AffiliationEvents.MANDATE_STARTED, AffiliationEvents.MANDATE_ENDED,
                AffiliationEvents.HELPER_LINKED, AffiliationEvents.HELPER_UNLINKED, AffiliationEvents.LIFE_EVENT_RECORDED);
        Set<String> types = new HashSet<>();
        TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), AffiliationEvents.TOPIC, Duration.ofSeconds(30), e -> {
            EventSchemas.assertValid(e.header("ce_type"), e.value());
            types.add(e.header("ce_type"));
            return types.containsAll(expected);
        });
        assertTrue(types.containsAll(expected), types.toString());
    }
}
