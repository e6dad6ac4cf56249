package be.caisse.contribution.partners;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.common.partner.PartnerEvents;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.messaging.ContributionEvents;
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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each mutuality gets its members' data and nothing else (issue 12 §2): the partner endpoint answers an insurer's
 * account only about its own members, and a partner event about a member whose insurer is not known yet waits and
 * then goes to that insurer's topic only.
 */
@QuarkusTest
class PartnerTest {
    static final String MEMBER = "79090920187";
    static final String WAITING = "79090920385";
    static final String STRANGER = "79090920583";

    @Inject
    AccountService accounts;

    @Inject
    PartnerEvents partners;

    @Inject
    EntityManager em;

    @BeforeEach
    void aMemberOfSolidaris() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (be.caisse.contribution.persistence.ContributionAccountEntity.findById(MEMBER) == null) {
                accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), MEMBER, ContributorCategory.PRINCIPAL,
                        LocalDate.of(2025, 4, 1), false));
            }
            // Solidaris until the end of 2025, then the Christian mutuality
            partners.replaceHistory(MEMBER, List.of(new PartnerEvents.Membership("300", LocalDate.of(2025, 4, 1)),
                    new PartnerEvents.Membership("100", LocalDate.of(2026, 1, 1))));
        });
    }

    @Test
    @TestSecurity(user = "service-account-mutuality-300", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "azp", value = "mutuality-300"))
    void anInsurerAsksAboutAYearOfItsMember() {
        JsonPath year = given().header("Accept-Language", "en").get("/contributions/partners/members/" + MEMBER + "/years/2025")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("UNPAID", year.getString("status"), "liable from 2025-Q2, no quarter paid");
        assertEquals(List.of("NOT_LIABLE", "UNPAID", "UNPAID", "UNPAID"), year.getList("quarters.status"));
        assertEquals(java.util.Set.of("niss", "year", "status", "quarters"), year.getMap("").keySet(),
                "only what an insurer needs (slipIssuedOn once the slip is sent)");
        // 2026: she is with the Christian mutuality, not with Solidaris any more
        given().header("Accept-Language", "fr").get("/contributions/partners/members/" + MEMBER + "/years/2026").then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("partner-not-member"))
                .body("detail", containsString("mutualité"));
        // someone the fund does not know is refused the same way: a partner cannot probe who is affiliated
        given().get("/contributions/partners/members/" + STRANGER + "/years/2025").then().statusCode(403)
                .body("type", containsString("partner-not-member"));
        given().get("/contributions/partners/members/12345678901/years/99999").then().statusCode(400)
                .body("errors.field", hasItems("niss", "year"));
        // a partner reads nothing else
        given().get("/contributions/accounts/" + MEMBER).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "service-account-mutuality-100", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "azp", value = "mutuality-100"))
    void theNewInsurerSeesTheYearsSinceSheJoined() {
        given().get("/contributions/partners/members/" + MEMBER + "/years/2026").then().statusCode(200).body("status", equalTo("UNPAID"));
        // the insurer of today may ask about earlier years (it opens her rights), as the previous one may for its years
        given().get("/contributions/partners/members/" + MEMBER + "/years/2025").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "anne", roles = "agent")
    void staffAndAccountsThatAreNoInsurerAreRefused() {
        given().get("/contributions/partners/members/" + MEMBER + "/years/2025").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "service-account-other", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "azp", value = "some-other-client"))
    void aPartnerAccountOfNoKnownInsurerIsRefused() {
        given().get("/contributions/partners/members/" + MEMBER + "/years/2025").then().statusCode(403)
                .body("type", containsString("partner-unknown"));
    }

    @Test
    void anEventForAMemberWhoseInsurerIsNotKnownWaitsThenGoesToHerInsurerOnly() {
        String marker = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> partners.publish(WAITING, ContributionEvents.CONTRIBUTION_SLIP, WAITING + "/" + marker,
                new ContributionEvents.ContributionSlip(WAITING, 2024, List.of("2024-Q1"), LocalDate.of(2025, 2, 1))));
        long waiting = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM partner_event_pending WHERE niss = :n").setParameter("n", WAITING).getSingleResult()).longValue());
        assertEquals(1, waiting);
        QuarkusTransaction.requiringNew().run(() -> partners.replaceHistory(WAITING,
                List.of(new PartnerEvents.Membership("500", LocalDate.of(2020, 1, 1)))));
        TopicReader.Event e = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.partner.500.events", Duration.ofSeconds(30),
                ev -> WAITING.equals(ev.key()) && (WAITING + "/" + marker).equals(ev.header("ce_subject")));
        assertEquals(ContributionEvents.CONTRIBUTION_SLIP, e.header("ce_type"));
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM partner_event_pending WHERE niss = :n").setParameter("n", WAITING).getSingleResult()).longValue());
        assertEquals(0, left, "sent once, no longer waiting");
        // and on no other insurer's topic
        assertTrue(TopicReader.all(KafkaTestResource.bootstrapServers(), "caisse.partner.300.events").stream()
                .noneMatch(ev -> WAITING.equals(ev.key())));
    }
}
