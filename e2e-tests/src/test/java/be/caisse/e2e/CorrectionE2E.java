package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.TopicReader;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent's mistake, corrected as a fund would, through the gateway: a cessation recorded on the wrong dossier
 * cancels two notices and refunds what was paid on them; the agent asks for its correction, which reaches billed
 * quarters and so waits for a supervisor (four eyes); once approved, the dossier is active again, the two notices are
 * billed again with their payment references, the refund is revoked, benefits and recovery see the person active,
 * and nothing is booked twice. A transition dated ahead is shown as planned and can be cancelled before its date.
 * The services' date is pinned to 1 December 2026 so that the figures do not depend on the day the suite runs.
 */
@ExtendWith(StackExtension.class)
@Order(6)
class CorrectionE2E {
    private static final String MEMBER = Nisses.of(LocalDate.of(1979, 5, 5), 301);

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json");
    }

    private static void clocks(String date) {
        for (String service : List.of("affiliations", "contributions")) {
            if (date == null) {
                as("admin").delete("/api/" + service + "/admin/clock").then().statusCode(200);
            } else {
                as("admin").body("{\"today\":\"" + date + "\"}").put("/api/" + service + "/admin/clock").then().statusCode(200);
            }
        }
    }

    private static JsonPath quarter(String q) {
        return as("agent").get("/api/contributions/accounts/" + MEMBER + "/quarters/" + q).then().statusCode(200).extract().jsonPath();
    }

    private static long lines(JsonPath statement, String period, String kind) {
        List<Map<String, Object>> items = statement.getList("lines.items");
        return items.stream().filter(l -> period.equals(l.get("period")) && kind.equals(l.get("kind"))).count();
    }

    @Test
    void aWrongCessationIsCorrectedEverywhereAndAPlannedInterruptionCancelled() {
        clocks("2026-12-01");
        try {
            as("agent").body("""
                    {"niss":"%s","firstName":"Sofie","lastName":"Claes","category":"PRINCIPAL","startDate":"2026-03-02",
                     "language":"nl","iban":"BE71 0961 2345 6769"}""".formatted(MEMBER))
                    .post("/api/affiliations").then().statusCode(201).body("lateRegistration", equalTo(true));
            // registered in December for March: the four quarters of 2026 are billed at once
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    as("agent").get("/api/contributions/accounts/" + MEMBER).then().statusCode(200).body("quartersNotBilled", equalTo(0)));
            String q3Reference = null;
            int sequence = 901;
            for (String q : List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")) {
                JsonPath notice = quarter(q);
                assertEquals("BILLED", notice.getString("state"), q);
                String digits = StructuredCommunication.parse(notice.getString("structuredCommunication")).digits();
                if (q.equals("2026-Q3")) {
                    q3Reference = notice.getString("structuredCommunication");
                }
                as("agent").contentType("text/plain").body(CodaFiles.statement(sequence++, digits, new BigDecimal(notice.getString("total"))))
                        .post("/api/contributions/payments/statements/coda").then().statusCode(201).body("matched", equalTo(1));
            }

            // the mistake: another member's cessation at 30 June recorded in this dossier
            String cessation = as("agent").body("{\"date\":\"2026-06-30\",\"reason\":\"VOLUNTARY\"}")
                    .post("/api/affiliations/" + MEMBER + "/cessations").then().statusCode(201)
                    .header("Location", containsString("/transitions/"))
                    .body("transition.status", equalTo("APPLIED")).body("affiliation.liableUntil", equalTo("2026-06-30"))
                    .extract().path("transition.id");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertEquals("CANCELLED", quarter("2026-Q3").getString("state"));
                assertEquals("CANCELLED", quarter("2026-Q4").getString("state"));
            });
            TopicReader.Event refund = TopicReader.awaitEvent(StackExtension.config().kafkaBootstrap(), "caisse.contribution.events",
                    Duration.ofSeconds(60), e -> "be.caisse.contribution.refund-ordered.v1".equals(e.header("ce_type")) && MEMBER.equals(e.key()));
            String refundId = JsonPath.from(refund.value()).getString("refundId");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    as("agent").get("/api/recovery/debtors/" + MEMBER).then().statusCode(200).body("status", equalTo("CEASED")));

            // the agent asks for the correction; it reaches billed quarters: a supervisor decides, not the agent
            String correction = as("agent").body("""
                    {"transitionId":"%s","action":"CANCEL","reason":"Cessation of another member recorded in this dossier"}"""
                    .formatted(cessation)).post("/api/affiliations/" + MEMBER + "/corrections").then().statusCode(201)
                    .body("status", equalTo("PENDING_APPROVAL")).body("reachesBilledQuarter", equalTo(true))
                    .body("before[0].status", equalTo("CEASED")).body("after[0].status", equalTo("ACTIVE"))
                    .extract().path("id");
            as("agent").body("{\"approve\":true}").post("/api/affiliations/corrections/" + correction + "/decision")
                    .then().statusCode(403).contentType("application/problem+json");
            as("supervisor").get("/api/affiliations/corrections?status=PENDING_APPROVAL").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(correction));
            as("supervisor").body("{\"approve\":true,\"note\":\"checked with the other member's file\"}")
                    .post("/api/affiliations/corrections/" + correction + "/decision").then().statusCode(200)
                    .body("status", equalTo("APPLIED")).body("decidedBy", equalTo("supervisor"));
            as("agent").get("/api/affiliations/" + MEMBER).then().statusCode(200).body("status", equalTo("ACTIVE"))
                    .body("liableUntil", org.hamcrest.Matchers.nullValue());

            // every service that saw the cessation sees its correction
            String reference = q3Reference;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonPath q3 = quarter("2026-Q3");
                assertEquals("BILLED", q3.getString("state"));
                assertEquals(reference, q3.getString("structuredCommunication"), "billed again with its payment reference");
                assertEquals("BILLED", quarter("2026-Q4").getString("state"));
            });
            TopicReader.Event revoked = TopicReader.awaitEvent(StackExtension.config().kafkaBootstrap(), "caisse.contribution.events",
                    Duration.ofSeconds(60), e -> "be.caisse.contribution.refund-cancelled.v1".equals(e.header("ce_type")) && MEMBER.equals(e.key()));
            assertEquals(refundId, JsonPath.from(revoked.value()).getString("refundId"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                as("agent").get("/api/recovery/debtors/" + MEMBER).then().statusCode(200).body("status", equalTo("ACTIVE"));
                as("agent").get("/api/benefits/members/" + MEMBER).then().statusCode(200).body("status", equalTo("ACTIVE"));
            });
            JsonPath account = as("agent").get("/api/contributions/accounts/" + MEMBER).then().statusCode(200).extract().jsonPath();
            assertEquals(0, new BigDecimal(account.getString("credit")).signum(), "the refunded money pays the quarters again");
            JsonPath statement = as("agent").queryParam("from", "2026-01-01").queryParam("size", 100)
                    .get("/api/contributions/accounts/" + MEMBER + "/statement").then().statusCode(200).extract().jsonPath();
            assertEquals(2, lines(statement, "2026-Q3", "CONTRIBUTION"), "Q3 billed, cancelled, billed again: two debits, not three");
            assertEquals(1, lines(statement, "2026-Q1", "CONTRIBUTION"), "Q1 never cancelled: billed once");
            assertTrue(statement.getInt("lines.totalItems") < 100, "the statement fits one page");

            // a transition dated ahead is planned, shown in the dossier, and cancelled before it takes effect
            String planned = as("agent").body("{\"date\":\"2027-03-15\"}").post("/api/affiliations/" + MEMBER + "/interruptions")
                    .then().statusCode(201).body("transition.status", equalTo("PLANNED")).body("affiliation.status", equalTo("ACTIVE"))
                    .extract().path("transition.id");
            as("lea").get("/api/affiliations/" + MEMBER).then().statusCode(403); // not hers
            as("agent").get("/api/affiliations/" + MEMBER).then().body("planned[0].id", equalTo(planned))
                    .body("planned[0].date", equalTo("2027-03-15"));
            as("agent").body("{\"reason\":\"entered by mistake\"}").post("/api/affiliations/" + MEMBER + "/transitions/" + planned + "/cancellation")
                    .then().statusCode(200).body("transition.status", equalTo("CANCELLED"));
            as("agent").get("/api/affiliations/" + MEMBER).then().body("planned", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), empty()));
        } finally {
            clocks(null);
        }
    }
}
