package be.caisse.affiliation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import be.caisse.affiliation.application.AffiliationService;
import be.caisse.affiliation.application.MemberRequestService;
import be.caisse.affiliation.application.PersonData;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.common.identifiers.Niss;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A member asks, an agent decides, the change is applied with the same rules and kept in the history. */
@QuarkusTest
class MemberRequestTest {
    static final String MEMBER = "85271412472";

    @Inject
    AffiliationService affiliations;

    @Inject
    MemberRequestService requests;

    @jakarta.transaction.Transactional
    void ensureRegistered() {
        if (be.caisse.affiliation.persistence.PersonEntity.findById(MEMBER) == null) {
            affiliations.register(new AffiliationService.Registration(Niss.parse(MEMBER),
                    new PersonData("Bis", "Member", LocalDate.of(1985, 7, 14), "nl", null, null, null, null, null, null),
                    CategoryDetails.principal(), LocalDate.of(2022, 1, 10)), "test");
        }
    }

    @Test
    @TestSecurity(user = "bis", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = MEMBER))
    void memberAsksForANewIbanAndSeesTheStatus() {
        ensureRegistered();
        given().contentType("application/json").body("{\"type\":\"IBAN_CHANGE\",\"iban\":\"BE71 0961 2345 6760\"}")
                .post("/affiliations/me/requests").then().statusCode(400).body("errors.field", hasItem("iban"));
        given().contentType("application/json").body("{\"type\":\"IBAN_CHANGE\",\"iban\":\"BE71 0961 2345 6769\"}")
                .post("/affiliations/me/requests").then().statusCode(202).body("status", equalTo("PENDING"));
        given().contentType("application/json").body("{\"type\":\"LANGUAGE_CHANGE\"}")
                .post("/affiliations/me/requests").then().statusCode(400).contentType("application/problem+json");
        given().get("/affiliations/me/requests").then().statusCode(200).body("items[0].type", equalTo("IBAN_CHANGE"));
        // a member cannot decide, nor read the queue, nor change their own data directly
        given().get("/affiliations/requests").then().statusCode(403);
        given().contentType("application/json").body("{\"language\":\"fr\"}").patch("/affiliations/persons/" + MEMBER).then().statusCode(403);
        given().get("/affiliations/persons/" + MEMBER).then().statusCode(200).body("language", equalTo("nl"));
        given().get("/affiliations/persons/70010100188").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void agentApprovesAndTheChangeIsApplied() {
        ensureRegistered();
        String id = requests.submit(MEMBER, MemberRequestService.Type.IBAN_CHANGE, new MemberRequestService.Content(
                null, null, "BE71 0961 2345 6769", null, null, null)).id.toString();
        given().get("/affiliations/requests?status=PENDING").then().statusCode(200).body("items.id", hasItem(id));
        given().contentType("application/json").body("{\"approve\":true,\"note\":\"checked\"}")
                .post("/affiliations/requests/" + id + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"));
        given().contentType("application/json").body("{\"approve\":true}")
                .post("/affiliations/requests/" + id + "/decision").then().statusCode(409);
        given().get("/affiliations/persons/" + MEMBER).then().body("iban", equalTo("BE71096123456769"));
        given().get("/affiliations/persons/" + MEMBER + "/changes").then()
                .body("items.find { it.field == 'IBAN' }.origin", equalTo("MEMBER_REQUEST"));
    }
}
