package be.caisse.affiliation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.common.time.CaisseClock;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Mistakes can be corrected: a registration or a transition is cancelled or its date or category amended, with a
 * reason; one that reaches a billed quarter waits for a supervisor who did not ask for it; the trail keeps before and
 * after; the correction is published with the person's whole timeline. Ordered: one agent asks, a supervisor decides.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrectionTest {
    static final String COMPLEMENTARY = Nisses.of(LocalDate.of(1983, 6, 6), 71);
    static final String WRONGLY_CEASED = Nisses.of(LocalDate.of(1977, 8, 8), 73);
    static String categoryCorrection;
    static String cessationCorrection;

    @Inject
    CaisseClock clock;

    @BeforeEach
    void pinTheDate() {
        clock.setToday(AffiliationResourceTest.TODAY);
    }

    private static String transitionOf(String niss, String type) {
        return given().get("/affiliations/" + niss + "/transitions").then().statusCode(200)
                .extract().path("items.find { it.type == '" + type + "' }.id");
    }

    /** A complementary who becomes principal in her first quarter had no way out: the category is corrected from the start. */
    @Test
    @Order(1)
    @TestSecurity(user = "agent", roles = "agent")
    void theCategoryOfTheCurrentPeriodIsCorrectedFromItsStart() {
        AffiliationLifecycleTest.register(COMPLEMENTARY, "COMPLEMENTARY", "2026-10-05", ",\"complementaryReason\":\"REPLACEMENT_INCOME\"");
        AffiliationLifecycleTest.post("/affiliations/" + COMPLEMENTARY + "/category-changes", """
                {"category":{"category":"PRINCIPAL"},"eventDate":"2026-11-10"}""")
                .statusCode(400).body("type", containsString("change-before-start"))
                .body("detail", containsString("correct"));
        String registration = transitionOf(COMPLEMENTARY, "REGISTRATION");
        // checked at once: a correction without its category, or with an unknown action, is refused
        AffiliationLifecycleTest.post("/affiliations/" + COMPLEMENTARY + "/corrections", """
                {"transitionId":"%s","action":"AMEND_CATEGORY","reason":"principal from the start"}""".formatted(registration))
                .statusCode(400).body("errors.field", hasItem("category"));
        categoryCorrection = AffiliationLifecycleTest.post("/affiliations/" + COMPLEMENTARY + "/corrections", """
                {"transitionId":"%s","action":"AMEND_CATEGORY","category":{"category":"PRINCIPAL"},
                 "reason":"She lost her job before starting: principal from the start"}""".formatted(registration))
                .statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"))      // the first quarter is billed at registration
                .body("reachesBilledQuarter", equalTo(true))
                .body("before[0].category", equalTo("COMPLEMENTARY"))
                .body("after[0].category", equalTo("PRINCIPAL"))
                .extract().path("id");
        given().get("/affiliations/" + COMPLEMENTARY).then().body("category", equalTo("COMPLEMENTARY"));
        // an agent is not a supervisor
        AffiliationLifecycleTest.post("/affiliations/corrections/" + categoryCorrection + "/decision", "{\"approve\":true}").statusCode(403);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "supervisor", roles = {"supervisor", "agent"})
    void aSupervisorApprovesAndTheCorrectionIsAppliedAndPublished() {
        given().get("/affiliations/corrections?status=PENDING_APPROVAL").then().statusCode(200).body("items.id", hasItem(categoryCorrection));
        AffiliationLifecycleTest.post("/affiliations/corrections/" + categoryCorrection + "/decision", "{\"approve\":true,\"note\":\"checked with the ONEM letter\"}")
                .statusCode(200).body("status", equalTo("APPLIED")).body("decidedBy", equalTo("supervisor"));
        given().get("/affiliations/" + COMPLEMENTARY).then().body("category", equalTo("PRINCIPAL"))
                .body("startDate", equalTo("2026-10-05")).body("complementaryReason", org.hamcrest.Matchers.nullValue());
        TopicReader.Event event = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), AffiliationEvents.TOPIC,
                Duration.ofSeconds(30), e -> e.key().equals(COMPLEMENTARY) && AffiliationEvents.CORRECTED.equals(e.header("ce_type")));
        EventSchemas.assertValid(AffiliationEvents.CORRECTED, event.value());
        assertEquals(true, event.value().contains("\"categoryAfter\":\"PRINCIPAL\""), event.value());
        assertEquals(true, event.value().contains("\"approvedBy\":\"supervisor\""), event.value());
        AffiliationLifecycleTest.post("/affiliations/corrections/" + categoryCorrection + "/decision", "{\"approve\":true}").statusCode(409);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "supervisor", roles = {"supervisor", "agent"})
    void aWrongCessationIsCancelledAndTheSupervisorWhoAskedCannotApproveIt() {
        AffiliationLifecycleTest.register(WRONGLY_CEASED, "PRINCIPAL", "2024-04-02", "");
        AffiliationLifecycleTest.post("/affiliations/" + WRONGLY_CEASED + "/cessations", "{\"date\":\"2026-06-30\",\"reason\":\"VOLUNTARY\"}").statusCode(201);
        String cessation = transitionOf(WRONGLY_CEASED, "CESSATION");
        cessationCorrection = AffiliationLifecycleTest.post("/affiliations/" + WRONGLY_CEASED + "/corrections", """
                {"transitionId":"%s","action":"CANCEL","reason":"Another member's cessation was recorded in this dossier"}""".formatted(cessation))
                .statusCode(201).body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        AffiliationLifecycleTest.post("/affiliations/corrections/" + cessationCorrection + "/decision", "{\"approve\":true}")
                .statusCode(403).body("type", containsString("four-eyes"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "supervisor2", roles = {"supervisor", "agent"})
    void anotherSupervisorApprovesTheDossierIsActiveAgainAndTheTrailSaysWhy() {
        AffiliationLifecycleTest.post("/affiliations/corrections/" + cessationCorrection + "/decision", "{\"approve\":true}")
                .statusCode(200).body("status", equalTo("APPLIED"));
        given().get("/affiliations/" + WRONGLY_CEASED).then().body("status", equalTo("ACTIVE"))
                .body("endDate", org.hamcrest.Matchers.nullValue());
        given().get("/affiliations/" + WRONGLY_CEASED + "/transitions").then()
                .body("items.find { it.type == 'CESSATION' }.status", equalTo("REVOKED"))
                .body("items.find { it.type == 'CESSATION' }.endReason", containsString("Another member"));
        given().get("/affiliations/" + WRONGLY_CEASED + "/corrections").then().body("items", hasSize(1))
                .body("items[0].requestedBy", equalTo("supervisor")).body("items[0].decidedBy", equalTo("supervisor2"))
                .body("items[0].before[0].status", equalTo("CEASED")).body("items[0].after[0].status", equalTo("ACTIVE"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "agent", roles = "agent")
    void aCorrectionTouchingOnlyTheFutureAppliesAtOnceAndOneBuiltUponWaitsForTheLaterOne() {
        String niss = Nisses.of(LocalDate.of(1969, 3, 3), 75);
        AffiliationLifecycleTest.register(niss, "PRINCIPAL", "2026-11-03", "");
        AffiliationLifecycleTest.post("/affiliations/" + niss + "/category-changes", """
                {"category":{"category":"COMPLEMENTARY","complementaryReason":"TEACHING"},"eventDate":"2026-11-20"}""")
                .statusCode(201).body("affiliation.startDate", equalTo("2027-01-01"));
        // the registration cannot be cancelled while the change of category builds on it
        AffiliationLifecycleTest.post("/affiliations/" + niss + "/corrections", """
                {"transitionId":"%s","action":"CANCEL","reason":"test"}""".formatted(transitionOf(niss, "REGISTRATION")))
                .statusCode(400).body("type", containsString("correct-later-first"));
        // the change took effect in 2027 only: cancelling it touches no billed quarter
        AffiliationLifecycleTest.post("/affiliations/" + niss + "/corrections", """
                {"transitionId":"%s","action":"CANCEL","reason":"She keeps working full time"}""".formatted(transitionOf(niss, "CATEGORY_CHANGE")))
                .statusCode(201).body("status", equalTo("APPLIED")).body("reachesBilledQuarter", equalTo(false));
        given().get("/affiliations/" + niss).then().body("category", equalTo("PRINCIPAL")).body("status", equalTo("ACTIVE"));
        given().get("/affiliations/" + niss + "/history").then().body("totalItems", equalTo(1));
    }
}
