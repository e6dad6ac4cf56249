package be.caisse.affiliation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import be.caisse.affiliation.application.AffiliationService;
import be.caisse.affiliation.application.MemberRequestService;
import be.caisse.affiliation.application.PersonData;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.time.CaisseClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Queues an agent can work: a member asks (or an agent files on her behalf, recorded as such), another agent
 * decides (four eyes), the change is applied with the same rules; the queue shows whose request it is, who filed
 * and who decided it, and filters by status, type, member and dates. E-mail and phone a member changes herself.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberRequestTest {
    static final String MEMBER = "85271412472";

    @Inject
    AffiliationService affiliations;

    @Inject
    MemberRequestService requests;

    @Inject
    CaisseClock clock;

    @BeforeEach
    void pinTheDate() {
        clock.setToday(AffiliationResourceTest.TODAY);
    }

    @jakarta.transaction.Transactional
    void ensureRegistered() {
        if (be.caisse.affiliation.persistence.PersonEntity.findById(MEMBER) == null) {
            affiliations.register(new AffiliationService.Registration(Niss.parse(MEMBER),
                    new PersonData("Bis", "Member", null, "nl", null, null, null, null, null, null),
                    CategoryDetails.principal(), LocalDate.of(2022, 1, 10), false, false), "test");
        }
    }

    @Test
    @Order(1)
    @TestSecurity(user = "bis", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = MEMBER))
    void memberAsksForANewIbanAndSeesTheStatus() {
        ensureRegistered();
        given().contentType("application/json").body("{\"type\":\"IBAN_CHANGE\",\"iban\":\"BE71 0961 2345 6760\"}")
                .post("/affiliations/me/requests").then().statusCode(400).body("errors.field", hasItem("iban"));
        given().header("Accept-Language", "en").contentType("application/json").body("{\"type\":\"IBAN_CHANGE\",\"iban\":\"BE71 0961 2345 6769\"}")
                .post("/affiliations/me/requests").then().statusCode(201).body("status", equalTo("PENDING"))
                .body("filedBy.role", equalTo("MEMBER")).body("filedBy.user", equalTo("bis"))
                .body("acknowledgement", containsString("Your request"));
        // every missing field at once
        given().contentType("application/json").body("{\"type\":\"CESSATION\"}")
                .post("/affiliations/me/requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("date", "reason"));
        given().get("/affiliations/me/requests").then().statusCode(200).body("items[0].type", equalTo("IBAN_CHANGE"))
                .body("items[0].lastName", equalTo("Member"));
        // a member cannot decide, nor read the queue, nor change her own data directly — but e-mail and phone
        given().get("/affiliations/requests").then().statusCode(403);
        given().contentType("application/json").body("{\"language\":\"fr\"}").patch("/affiliations/persons/" + MEMBER).then().statusCode(403);
        given().contentType("application/json").body("{\"email\":\"bis.member@example.be\",\"phone\":\"+32 470 12 34 56\"}")
                .patch("/affiliations/me/contact").then().statusCode(200).body("email", equalTo("bis.member@example.be"));
        given().contentType("application/json").body("{\"email\":\"nope\"}").patch("/affiliations/me/contact").then().statusCode(400)
                .body("errors.field", hasItem("email"));
        given().get("/affiliations/persons/" + MEMBER).then().statusCode(200).body("language", equalTo("nl"))
                .body("phone", equalTo("+32 470 12 34 56"));
        given().get("/affiliations/persons/" + MEMBER + "/changes").then()
                .body("items.find { it.field == 'EMAIL' }.origin", equalTo("MEMBER"))
                .body("items.find { it.field == 'EMAIL' }.changedBy", equalTo("bis"));
        given().get("/affiliations/persons/70010100188").then().statusCode(403);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "agent", roles = "agent")
    void anAgentFilesOnTheMembersBehalfAndCannotDecideHerOwnFiling() {
        ensureRegistered();
        String id = given().contentType("application/json").body("{\"type\":\"LANGUAGE_CHANGE\",\"language\":\"de\"}")
                .post("/affiliations/" + MEMBER + "/requests").then().statusCode(201)
                .body("filedBy.role", equalTo("AGENT")).body("filedBy.user", equalTo("agent"))
                .body("acknowledgement", containsString("behalf"))
                .extract().path("id");
        given().contentType("application/json").body("{\"approve\":true}").post("/affiliations/requests/" + id + "/decision")
                .then().statusCode(403).body("type", containsString("four-eyes"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "agent2", roles = "agent")
    void anotherAgentWorksTheQueueFilteredAndDecides() {
        ensureRegistered();
        String iban = given().get("/affiliations/requests?status=PENDING&type=IBAN_CHANGE&niss=" + MEMBER).then().statusCode(200)
                .body("items[0].niss", equalTo(MEMBER)).body("items[0].firstName", equalTo("Bis"))
                .body("items[0].filedBy.role", equalTo("MEMBER"))
                .body("items.type", not(hasItem("LANGUAGE_CHANGE")))
                .extract().path("items[0].id");
        given().contentType("application/json").body("{\"approve\":true,\"note\":\"checked\"}")
                .post("/affiliations/requests/" + iban + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("agent2"));
        given().contentType("application/json").body("{\"approve\":true}")
                .post("/affiliations/requests/" + iban + "/decision").then().statusCode(409);
        given().get("/affiliations/requests?status=ALL&niss=" + MEMBER + "&from=2026-12-01&to=2026-12-01").then().statusCode(200)
                .body("items.status", hasItems("APPROVED", "PENDING"));
        given().get("/affiliations/requests?status=APPROVED&from=2027-01-01").then().statusCode(200).body("totalItems", equalTo(0));
        given().get("/affiliations/requests?status=DONE&from=2026-13-01").then().statusCode(400)
                .body("errors.field", hasItems("status", "from"));
        given().get("/affiliations/persons/" + MEMBER).then().body("iban", equalTo("BE71096123456769"));
        given().get("/affiliations/persons/" + MEMBER + "/changes").then()
                .body("items.find { it.field == 'IBAN' }.origin", equalTo("MEMBER_REQUEST"));
    }
}
