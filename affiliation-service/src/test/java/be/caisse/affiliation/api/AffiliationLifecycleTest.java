package be.caisse.affiliation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The affiliation life cycle through the API (REFERENCE.md §1): categories and their conditions, changes by the
 * quarter rules, interruption and resumption, cessation with its reason, transfer, persons and their history,
 * companies, mandates, helpers, life events, member requests. Test resources: see AffiliationResourceTest.
 */
@QuarkusTest
@TestSecurity(user = "agent", roles = "agent")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AffiliationLifecycleTest {
    private static final String PROBLEM = "application/problem+json";

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
                .body("category", equalTo("PRINCIPAL"))
                .body("startDate", equalTo("2025-04-01"))      // §1.2: first day of the quarter of the event
                .body("openedBy", equalTo("CATEGORY_CHANGE"));
        given().get("/affiliations/" + niss + "/history").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].category", equalTo("PRINCIPAL"))
                .body("items[1].category", equalTo("COMPLEMENTARY"))
                .body("items[1].endDate", equalTo("2025-03-31"))
                .body("items[1].status", equalTo("CLOSED"));
        // principal → complementary: from the next quarter
        post("/affiliations/" + niss + "/category-changes", """
                {"category":{"category":"COMPLEMENTARY","complementaryReason":"TEACHING"},"eventDate":"2026-08-03"}""")
                .statusCode(201).body("startDate", equalTo("2026-10-01"));
        // a complementary activity without its reason is refused, naming the rule
        post("/affiliations/" + niss + "/category-changes", """
                {"category":{"category":"COMPLEMENTARY"},"eventDate":"2026-11-03"}""")
                .statusCode(400).contentType(PROBLEM).body("type", containsString("same-category"));
    }

    @Test
    void cessationForBankruptcyKeepsTheQuarterDueAndAnotherOverlappingRegistrationIsRefused() {
        String niss = "70010100287";
        register(niss, "PRINCIPAL", "2023-02-01", "");
        post("/affiliations/" + niss + "/cessations", "{\"date\":\"2026-08-10\",\"reason\":\"BANKRUPTCY\"}")
                .statusCode(200)
                .body("status", equalTo("CEASED"))
                .body("cessationReason", equalTo("BANKRUPTCY"))
                .body("liableUntil", equalTo("2026-09-30"));   // §1.3: the quarter of cessation is due in full
        post("/affiliations/" + niss + "/cessations", "{\"date\":\"2026-08-10\",\"reason\":\"VOLUNTARY\"}")
                .statusCode(409).contentType(PROBLEM);
        // a new start inside the ceased period overlaps it
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
        post("/affiliations/" + niss + "/interruptions", "{\"date\":\"2025-02-10\"}").statusCode(200)
                .body("status", equalTo("INTERRUPTED")).body("liableUntil", equalTo("2025-03-31"));
        post("/affiliations/" + niss + "/resumptions", "{\"date\":\"2025-03-20\"}").statusCode(400)
                .body("type", containsString("resumption-in-same-quarter"));
        post("/affiliations/" + niss + "/resumptions", "{\"date\":\"2025-09-01\"}").statusCode(201)
                .body("status", equalTo("ACTIVE")).body("liableFrom", equalTo("2025-07-01"));
        given().get("/affiliations/" + niss + "/history?size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("totalItems", equalTo(2)).body("totalPages", equalTo(2));
    }

    @Test
    void transferToAnotherFundAfterFourYears() {
        String niss = "70010100485";
        register(niss, "PRINCIPAL", "2020-03-01", "");
        post("/affiliations/" + niss + "/transfers", "{\"requestDate\":\"2026-05-10\"}").statusCode(200)
                .body("endDate", equalTo("2026-12-31")).body("cessationReason", equalTo("TRANSFER_TO_ANOTHER_FUND"));
        String young = "70010100584";
        register(young, "PRINCIPAL", "2024-03-01", "");
        post("/affiliations/" + young + "/transfers", "{\"requestDate\":\"2026-05-10\"}").statusCode(400)
                .body("type", containsString("fund-change-too-early"));
    }

    @Test
    void studentAndHelpingSpouseConditions() {
        // a student must be 18–25 and enrolled for 27 credits: born 1970 is refused
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
                .body("type", containsString("end-before-start"));
        post("/affiliations/helpers/" + linkId + "/end", "{\"date\":\"2025-12-31\"}").statusCode(200)
                .body("endDate", equalTo("2025-12-31"));
        // the mini-statut is for those born before 1956
        post("/affiliations", """
                {"niss":"72020200209","firstName":"T","lastName":"S","category":"HELPING_SPOUSE","startDate":"2024-01-01",
                 "helpingSpouseStatus":"MINI","helpedPartnerNiss":"%s"}""".formatted(partner))
                .statusCode(400).body("type", containsString("mini-statut-not-allowed"));
        // the partner helped must be affiliated with this fund
        post("/affiliations", """
                {"niss":"72020200209","firstName":"T","lastName":"S","category":"HELPING_SPOUSE","startDate":"2024-01-01",
                 "helpedPartnerNiss":"72020200308"}""")   // a number no test registers
                .statusCode(400).body("type", containsString("helped-partner-not-affiliated"));
    }

    @Test
    @TestSecurity(user = "supervisor", roles = {"supervisor", "agent"})
    void aStudentWhoTurned25BecomesPrincipalFromTheQuarterOfTheBirthday() {
        // born 1 March 2001: student from 2024 (aged 22), 25 on 1 March 2026, before today (2026-11-26 or later)
        String niss = "01030112315";
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
    void personChangesAreKeptWithWhoAndWhen() {
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
                .body("items.find { it.field == 'LANGUAGE' }.oldValue", equalTo("nl"));
        given().contentType("application/json").body("{\"iban\":\"BE71 0961 2345 6760\"}")
                .patch("/affiliations/persons/" + niss).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("iban"));
        given().contentType("application/json").body("{\"language\":\"en\",\"email\":\"not-mail\"}")
                .patch("/affiliations/persons/" + niss).then().statusCode(400)
                .body("errors.field", hasItem("language")).body("errors.field", hasItem("email"));
    }

    @Test
    void companyWithDirectorBalanceSheetAndCessation() {
        String director = "70010100980";
        register(director, "PRINCIPAL", "2021-01-01", "");
        post("/affiliations/companies", """
                {"enterpriseNumber":"0403.170.701","name":"Dubois Conseil","legalForm":"SRL","incorporationDate":"2026-01-15"}""")
                .statusCode(201).body("lateAffiliation", equalTo(true)).body("enterpriseNumber", equalTo("0403.170.701"));
        post("/affiliations/companies", """
                {"enterpriseNumber":"0403.170.702","name":"X","legalForm":"SRL","incorporationDate":"2026-01-15"}""")
                .statusCode(400).body("errors.field", hasItem("enterpriseNumber"));
        post("/affiliations/companies/0403170701/mandates", "{\"niss\":\"" + director + "\",\"role\":\"DIRECTOR\",\"startDate\":\"2026-01-15\"}")
                .statusCode(201);
        post("/affiliations/companies/0403170701/balance-sheets", "{\"financialYear\":2026,\"total\":912345.67}").statusCode(200);
        post("/affiliations/companies/0403170701/balance-sheets", "{\"financialYear\":2026,\"total\":-1}").statusCode(400);
        given().get("/affiliations?enterpriseNumber=0403170701").then().statusCode(200)
                .body("items[0].niss", equalTo(director));
        post("/affiliations/companies/0403170701/cessations", "{\"date\":\"2026-10-31\",\"reason\":\"BANKRUPTCY\"}")
                .statusCode(200).body("status", equalTo("CEASED")).body("mandates[0].endDate", equalTo("2026-10-31"));
    }

    @Test
    void searchIsPagedAndChecked() {
        register("70010101079", "PRINCIPAL", "2021-01-01", "");
        given().get("/affiliations?name=person1079").then().statusCode(200)
                .body("items[0].niss", equalTo("70010101079")).body("page", equalTo(0)).body("size", equalTo(20));
        given().get("/affiliations?name=x&size=500").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("size")).body("errors.field", hasItem("name"));
        given().get("/affiliations").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void lifeEventsAreRecordedForRightsGrantedWithoutAsking() {
        String niss = "70010101178";
        register(niss, "PRINCIPAL", "2021-01-01", "");
        post("/affiliations/" + niss + "/life-events", "{\"type\":\"BIRTH\",\"date\":\"2026-10-02\",\"source\":\"NATIONAL_REGISTER\"}")
                .statusCode(201).body("type", equalTo("BIRTH"));
        post("/affiliations/" + niss + "/life-events", "{\"type\":\"BIRTH\",\"date\":\"2999-01-01\"}").statusCode(400);
        post("/affiliations/" + niss + "/life-events", "{\"type\":\"WEDDING\",\"date\":\"2026-01-01\"}").statusCode(400)
                .body("errors.field", hasItem("type"));
        given().get("/affiliations/" + niss + "/life-events").then().body("items[0].source", equalTo("NATIONAL_REGISTER"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the others, so that every type of event has been published
    void everyEventPublishedMatchesTheSchemaOfItsType() {
        // Every type of affiliation event has been published by the tests before this one; read the topic (all
        // partitions) until each type was seen, checking every event against the schema of its type.
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
