package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import be.caisse.common.projection.KnownPerson;
import be.caisse.common.time.CaisseClock;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * REFERENCE.md §2.7 (raise at any time, reduce on motivated request, warned of surcharges) and §2.11 (dispense),
 * and the queue an agent works: whose request, who filed it (the member, or an agent on her behalf, and the texts
 * say so), who decided it; the agent who filed a reduction does not approve it. The estimates are for next year,
 * whose quarters are not billed yet. Dates pinned to 2026-12-01.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContributionRequestTest {
    static final String NISS = "90030224653";   // marc
    static final int NEXT = 2027;
    static String reduction;

    @Inject
    AccountService accounts;

    @Inject
    CaisseClock clock;

    @BeforeEach
    void account() {
        clock.setToday(LocalDate.of(2026, 12, 1));
        QuarkusTransaction.requiringNew().run(() -> {
            accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), NISS, ContributorCategory.PRINCIPAL,
                    LocalDate.of(2015, 1, 1), false));
            if (KnownPerson.findById(NISS) == null) {   // as the person-registered event would leave it
                KnownPerson p = new KnownPerson();
                p.niss = NISS;
                p.firstName = "Marc";
                p.lastName = "Peeters";
                p.language = "nl";
                p.updatedAt = OffsetDateTime.now();
                p.persist();
            }
        });
    }

    @Test
    @Order(1)
    @TestSecurity(user = "marc", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = NISS))
    void aRaiseAppliesAtOnceAReductionWaitsAndWarnsTheMember() {
        // no reference income: the base is the principal minimum; 60,000 raises it
        given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + NEXT + ",\"estimatedIncome\":60000.00}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201)
                .body("status", equalTo("APPLIED")).body("filedBy.role", equalTo("MEMBER"));
        given().get("/contributions/accounts/" + NISS + "/quarters/" + NEXT + "-Q4").then().statusCode(200)
                .body("state", equalTo("COMPUTED"))
                .body("basis.incomeSource", equalTo("DECLARED")).body("legalAmount", equalTo(3075.00f));
        given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + NEXT + ",\"estimatedIncome\":30000.00}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(400)
                .body("errors.find { it.field == 'motivation' }.code", equalTo("motivation-missing"));
        // the member's own language (nl) when she asks for none
        given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + NEXT
                        + ",\"estimatedIncome\":30000.00,\"motivation\":\"Lost my main client in March\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201)
                .header("Content-Language", "nl")
                .body("status", equalTo("PENDING")).body("warning", containsString("uw inkomen"))
                .body("currentBase", equalTo(60000.00f));
        given().header("Accept-Language", "en").contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + NEXT
                        + ",\"estimatedIncome\":29000.00,\"motivation\":\"Even less\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201)
                .body("warning", containsString("If your income"));
        given().contentType("application/json").body("{\"type\":\"EXEMPTION\",\"quarters\":[\"2099-Q1\"],\"motivation\":\"x\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(400)
                .body("type", containsString("exemption-future-quarter"));
        given().contentType("application/json").body("{\"type\":\"EXEMPTION\",\"quarters\":[\"2026-Q1\"],\"motivation\":\"Temporary difficulties\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201)
                .body("status", equalTo("PENDING_INASTI")).body("quarters", hasItem("2026-Q1"));
        // every missing field at once
        given().contentType("application/json").body("{\"type\":\"EXEMPTION\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(400)
                .body("errors.field", hasItems("quarters", "motivation"));
        given().contentType("application/json").body("{\"type\":\"GIFT\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(400).body("errors.field", hasItem("type"));
        given().get("/contributions/accounts/" + NISS + "/requests").then().statusCode(200).body("totalItems", equalTo(4));
        given().get("/contributions/requests").then().statusCode(403);
        // another person's dossier: refused before the body is read (here an invalid one)
        given().contentType("application/json").body("{\"type\":\"GIFT\",\"year\":\"soon\"}")
                .post("/contributions/accounts/70010100188/requests").then().statusCode(403);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "agent", roles = "agent")
    void anAgentFilesAReductionOnTheMembersBehalfAndCannotApproveIt() {
        given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + NEXT + ",\"estimatedIncome\":90000.00}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201).body("status", equalTo("APPLIED"));
        reduction = given().header("Accept-Language", "en").contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + NEXT
                        + ",\"estimatedIncome\":20000.00,\"motivation\":\"Long illness\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201)
                .body("filedBy.role", equalTo("AGENT")).body("filedBy.user", equalTo("agent"))
                .body("warning", containsString("tell the member"))
                .extract().path("id");
        given().contentType("application/json").body("{\"approve\":true}")
                .post("/contributions/requests/" + reduction + "/decision").then().statusCode(403)
                .body("type", containsString("four-eyes"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "agent2", roles = "agent")
    void anotherAgentWorksTheQueueAndDecides() {
        given().get("/contributions/requests?status=PENDING&type=ESTIMATE&niss=" + NISS).then().statusCode(200)
                .body("items.id", hasItem(reduction))
                .body("items.find { it.id == '" + reduction + "' }.lastName", equalTo("Peeters"))
                .body("items.find { it.id == '" + reduction + "' }.filedBy.role", equalTo("AGENT"))
                .body("items.type", not(hasItem("EXEMPTION")));
        given().contentType("application/json").body("{\"approve\":true,\"note\":\"medical certificate\"}")
                .post("/contributions/requests/" + reduction + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("agent2"));
        given().get("/contributions/accounts/" + NISS + "/quarters/" + NEXT + "-Q4").then()
                .body("legalAmount", equalTo(1025.00f));   // 20,000 × 20.5 % ÷ 4, above the minimum
        given().contentType("application/json").body("{\"approve\":false}")
                .post("/contributions/requests/" + reduction + "/decision").then().statusCode(409);
        // decided ones too, by dates
        given().get("/contributions/requests?status=ALL&niss=" + NISS + "&from=2026-12-01&to=2026-12-01").then().statusCode(200)
                .body("items.status", hasItems("APPROVED", "APPLIED", "PENDING_INASTI"));
        given().get("/contributions/requests?status=SOON&from=2026-02-30").then().statusCode(400)
                .body("errors.field", hasItems("status", "from"));
        String exemption = given().contentType("application/json").body("{\"type\":\"EXEMPTION\",\"quarters\":[\"2026-Q2\"],"
                        + "\"motivation\":\"Temporary difficulties\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201).extract().path("id");
        given().get("/contributions/requests?status=PENDING_INASTI").then().statusCode(200).body("items.id", hasItem(exemption));
        given().contentType("application/json").body("{\"approve\":false,\"note\":\"INASTI: reserves sufficient\"}")
                .post("/contributions/requests/" + exemption + "/decision").then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("decidedAt", notNullValue());
    }
}
