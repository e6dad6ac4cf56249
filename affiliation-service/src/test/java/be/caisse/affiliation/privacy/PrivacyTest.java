package be.caisse.affiliation.privacy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.affiliation.application.AffiliationService;
import be.caisse.affiliation.application.PersonData;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.time.CaisseClock;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The member's health insurer with its history (issue 12 §2), and who saw what (§3): every staff read of her data
 * reaches the one append-only access trail, which she reads and the DPO searches.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyTest {
    static final String MEMBER = "81050510130";
    static final String OTHER = "81050510328";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Inject
    AffiliationService affiliations;

    @Inject
    CaisseClock clock;

    @Inject
    EntityManager em;

    @BeforeEach
    void pinTheDate() {
        clock.setToday(TODAY);
    }

    void ensureRegistered(String niss) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (be.caisse.affiliation.persistence.PersonEntity.findById(niss) == null) {
                affiliations.register(new AffiliationService.Registration(Niss.parse(niss),
                        new PersonData("Mia", "Mutual", null, "fr", null, null, null, null, null, null),
                        CategoryDetails.principal(), LocalDate.of(2024, 1, 10), false, false), "test");
            }
        });
    }

    @Test
    @Order(1)
    @TestSecurity(user = "anne", roles = "agent")
    void anAgentRecordsTheInsurerAndEveryChangeIsKeptAndPublished() {
        ensureRegistered(MEMBER);
        given().header("Accept-Language", "nl").contentType("application/json")
                .body("{\"mutuality\":\"300\",\"validFrom\":\"2024-01-10\"}")
                .put("/affiliations/persons/" + MEMBER + "/mutuality").then().statusCode(200)
                .body("current", equalTo("300")).body("currentName", equalTo("Socialistische Mutualiteiten"))
                .body("history", hasSize(1)).body("history[0].recordedBy", equalTo("anne")).body("history[0].origin", equalTo("AGENT"));
        // every wrong field at once, in the caller's language; nothing recorded
        given().header("Accept-Language", "de").contentType("application/json")
                .body("{\"mutuality\":\"999\",\"validFrom\":\"9999-01-01\",\"colour\":\"red\"}")
                .put("/affiliations/persons/" + MEMBER + "/mutuality").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("mutuality", "validFrom", "colour"));
        given().contentType("application/json").body("{\"mutuality\":300,\"validFrom\":\"2024-01-10\"}")
                .put("/affiliations/persons/" + MEMBER + "/mutuality").then().statusCode(400).body("errors.field", hasItems("mutuality"));
        // MutualityPeriods: at most 6 months ahead (until 2027-06-01), never before the birth (1981-05-05)
        given().header("Accept-Language", "en").contentType("application/json").body("{\"mutuality\":\"100\",\"validFrom\":\"2027-07-01\"}")
                .put("/affiliations/persons/" + MEMBER + "/mutuality").then().statusCode(400)
                .body("errors[0].field", equalTo("validFrom")).body("errors[0].code", equalTo("mutuality-too-far-ahead"));
        given().contentType("application/json").body("{\"mutuality\":\"100\",\"validFrom\":\"1980-01-01\"}")
                .put("/affiliations/persons/" + MEMBER + "/mutuality").then().statusCode(400)
                .body("errors[0].code", equalTo("mutuality-before-birth"));
        given().get("/affiliations/persons/" + MEMBER + "/changes").then().statusCode(200)
                .body("items.find { it.field == 'MUTUALITY' }.newValue", equalTo("300 from 2024-01-10"));

        TopicReader.Event e = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), AffiliationEvents.TOPIC, Duration.ofSeconds(30),
                ev -> MEMBER.equals(ev.key()) && AffiliationEvents.MUTUALITY_CHANGED.equals(ev.header("ce_type")));
        EventSchemas.assertValid(e.header("ce_type"), e.value());
        assertEquals(List.of(Map.of("mutuality", "300", "validFrom", "2024-01-10")), JsonPath.from(e.value()).getList("history"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = MEMBER))
    void theMemberRecordsHerNextInsurerHerself() {
        given().contentType("application/json").body("{\"mutuality\":\"500\",\"validFrom\":\"2027-01-01\"}")
                .put("/affiliations/me/mutuality").then().statusCode(200)
                .body("current", equalTo("300")).body("history.mutuality", equalTo(List.of("300", "500")))
                .body("history[1].origin", equalTo("MEMBER"));
        given().get("/affiliations/me/mutuality").then().statusCode(200).body("history", hasSize(2));
        // her own dossier only
        given().get("/affiliations/persons/" + OTHER + "/mutuality").then().statusCode(403);
        given().contentType("application/json").body("{\"mutuality\":\"500\",\"validFrom\":\"2027-01-01\"}")
                .put("/affiliations/persons/" + MEMBER + "/mutuality").then().statusCode(403);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "anne", roles = "agent")
    void anAgentsReadsAreInTheTrailWithTheirPurpose() {
        given().header("X-Access-Purpose", "phone call of the member").get("/affiliations/persons/" + MEMBER).then().statusCode(200);
        given().get("/affiliations/persons/" + MEMBER + "/mutuality").then().statusCode(200);
        // a purpose that is not a short printable text is refused, not cut
        given().header("X-Access-Purpose", "x".repeat(201)).get("/affiliations/persons/" + MEMBER).then().statusCode(400)
                .body("type", org.hamcrest.Matchers.containsString("access-purpose-invalid"));
        // an agent cannot read the trail
        given().get("/affiliations/access-trail").then().statusCode(403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "mia", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = MEMBER))
    void theMemberSeesWhoConsultedHerDossier() {
        JsonPath log = await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/affiliations/me/access-log?size=50")
                .then().statusCode(200).extract().jsonPath(), j -> j.getList("items.data").contains("person"));
        assertTrue(log.getList("items.who").contains("anne"));
        assertEquals("phone call of the member", log.getString("items.find { it.data == 'person' }.purpose"));
        assertEquals("STAFF", log.getString("items.find { it.data == 'person' }.kind"));
        assertEquals("affiliation-service", log.getString("items.find { it.data == 'person' }.service"));
        given().get("/affiliations/me/access-log?page=99999999999").then().statusCode(400).body("errors.field", hasItems("page"));
        given().get("/affiliations/access-trail").then().statusCode(403);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "dora", roles = "dpo")
    void theDpoSearchesTheTrailAndTheTrailCannotBeChanged() {
        given().get("/affiliations/access-trail?niss=" + MEMBER + "&actor=anne&from=2026-12-01&to=2026-12-01").then().statusCode(200)
                .body("items.route", org.hamcrest.Matchers.hasItem("GET /affiliations/persons/{niss}"))
                .body("items.niss", org.hamcrest.Matchers.everyItem(equalTo(MEMBER)));
        given().get("/affiliations/access-trail?niss=123&from=2026-13-01&service=other").then().statusCode(400)
                .body("errors.field", hasItems("niss", "from", "service"));
        // the DPO's search of one person is itself in the trail
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/affiliations/access-trail?niss=" + MEMBER + "&actor=dora")
                .then().statusCode(200).extract().jsonPath().getList("items.data"), l -> l.contains("access trail"));
        // append-only: the database refuses to change or remove a line
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE access_trail SET actor = 'nobody' WHERE niss = :n").setParameter("n", MEMBER).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("DELETE FROM access_trail WHERE niss = :n").setParameter("n", MEMBER).executeUpdate()));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "mia", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = MEMBER))
    void theMemberExportsEverythingTheServiceHoldsOnHer() {
        JsonPath export = given().get("/affiliations/privacy/persons/" + MEMBER + "/export").then().statusCode(200).extract().jsonPath();
        assertEquals("affiliation-service", export.getString("service"));
        assertEquals("Mutual", export.getString("tables.person[0].last_name"));
        assertEquals(List.of("300", "500"), export.getList("tables.person_mutuality.mutuality"));
        assertTrue(export.getList("tables.affiliation").size() >= 1, "her affiliation");
        assertTrue(export.getList("tables.person_change.field").contains("MUTUALITY"), "who changed what");
        assertTrue(export.getList("tables.access_trail.actor").contains("anne"), "who read her data is hers to know (art. 15(1)(c))");
        assertTrue(export.getMap("tables").keySet().stream().noneMatch(t -> t.equals("outbox_event") || t.equals("processed_event")));
        given().get("/affiliations/privacy/persons/" + OTHER + "/export").then().statusCode(403);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "anne", roles = "agent")
    void anAgentCannotExportAndTheBrokerKnowsEveryInsurer() {
        given().get("/affiliations/privacy/persons/" + MEMBER + "/export").then().statusCode(403);
        assertEquals(java.util.Arrays.stream(be.caisse.common.partner.Mutuality.values()).map(be.caisse.common.partner.Mutuality::code).toList(),
                be.caisse.stack.KafkaAccess.MUTUALITIES, "a partner topic and user for every insurer");
    }

    @Test
    @Order(8)
    @TestSecurity(user = "dora", roles = "dpo")
    void theExportIsInTheTrail() {
        JsonPath trail = await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/affiliations/access-trail?niss=" + MEMBER + "&actor=mia")
                .then().statusCode(200).extract().jsonPath(), j -> j.getList("items.data").contains("export of all data"));
        assertEquals("MEMBER", trail.getString("items.find { it.data == 'export of all data' }.actorKind"));
    }
}
