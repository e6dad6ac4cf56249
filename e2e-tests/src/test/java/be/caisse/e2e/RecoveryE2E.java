package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.Nisses;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The recovery of an unpaid quarter, through the gateway with real tokens and the services' dates moved by the
 * admin (REFERENCE.md §5): 2026-Q3 unpaid at its due date becomes a case whose debt is what the account owes
 * (contribution and its 3 % surcharge); the daily passes send the two reminders and the registered last reminder;
 * after its month the contrainte is refused until an agent records a personal contact, then issued and served on
 * 20 January 2027 — and the contribution account's surcharges stop at 31 December 2026, the end of the quarter before.
 * A second debtor agrees a payment plan: the escalation waits, and the instalments paid with their own structured
 * communications close the case.
 */
@ExtendWith(StackExtension.class)
@Order(8)
class RecoveryE2E {
    private static final String DEBTOR = Nisses.of(LocalDate.of(1983, 3, 13), 503);
    private static final String PLANNER = Nisses.of(LocalDate.of(1986, 6, 16), 505);
    private static int sequence = 950;

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json");
    }

    private static void clock(String service, String date) {
        if (date == null) {
            as("admin").delete("/api/" + service + "/admin/clock").then().statusCode(200);
        } else {
            as("admin").body("{\"today\":\"" + date + "\"}").put("/api/" + service + "/admin/clock").then().statusCode(200);
        }
    }

    private static int pass(String date) {
        clock("recovery", date);
        return as("supervisor").post("/api/recovery/admin/daily-pass").then().statusCode(200).extract().path("moved");
    }

    private static JsonPath quarter(String niss) {
        return as("agent").get("/api/contributions/accounts/" + niss + "/quarters/2026-Q3").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath caseOf(String niss) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as("agent").get("/api/recovery/debtors/" + niss).then().statusCode(200).body("cases.size()", equalTo(1)));
        return as("agent").get("/api/recovery/debtors/" + niss).then().extract().jsonPath().setRootPath("cases[0]");
    }

    /** A bank statement with one credit; matched at once, or once its communication is known (a plan announced later). */
    private static void pay(String digits, String amount, LocalDate day) {
        as("agent").contentType("text/plain").body(CodaFiles.statement(sequence++, digits, new BigDecimal(amount), day))
                .post("/api/contributions/payments/statements/coda").then().statusCode(201);
    }

    @Test
    void anUnpaidQuarterGoesTheLegalPathAndAPlanStopsIt() {
        for (String s : List.of("affiliations", "contributions", "recovery")) {
            clock(s, "2026-07-10");
        }
        try {
            // registered late (after the start): no starter's extra quarter, 2026-Q3 due on 30 September
            for (String[] p : new String[][]{{DEBTOR, "Luc", "Gérard"}, {PLANNER, "Nina", "Baert"}}) {
                as("agent").body("""
                        {"niss":"%s","firstName":"%s","lastName":"%s","category":"PRINCIPAL","startDate":"2026-07-01","language":"fr"}"""
                        .formatted(p[0], p[1], p[2])).post("/api/affiliations").then().statusCode(201);
            }
            for (String niss : List.of(DEBTOR, PLANNER)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        as("agent").get("/api/contributions/accounts/" + niss + "/quarters/2026-Q3").then().statusCode(200));
            }
            clock("contributions", "2026-10-02");
            clock("recovery", "2026-10-02");
            as("supervisor").post("/api/contributions/admin/overdue-check").then().statusCode(200);
            as("supervisor").post("/api/contributions/admin/surcharge-run").then().statusCode(200);
            JsonPath q3 = quarter(DEBTOR);
            float firstSurcharge = q3.getFloat("surcharges");
            org.junit.jupiter.api.Assertions.assertTrue(firstSurcharge > 0, "3 % at 30 September");
            float owed = q3.getFloat("outstanding") + firstSurcharge;
            // the case claims, to the cent, what the account says is open
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(owed, caseOf(DEBTOR).getFloat("debt"), 0.001));
            String caseId = caseOf(DEBTOR).getString("id");
            assertEquals("OPEN", caseOf(DEBTOR).getString("state"));

            // the second debtor agrees a plan of two instalments (within an agent's limits: granted at once)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(owed, caseOf(PLANNER).getFloat("debt"), 0.001));
            String planned = caseOf(PLANNER).getString("id");
            JsonPath plan = as("agent").body("{\"months\":2,\"firstDueOn\":\"2026-10-31\"}").post("/api/recovery/cases/" + planned + "/plans")
                    .then().statusCode(201).body("plans[0].status", equalTo("APPROVED")).extract().jsonPath().setRootPath("plans[0]");

            // the daily passes: two reminders, the registered last reminder; the plan's case does not move
            pass("2026-10-17");
            assertEquals("REMINDED", caseOf(DEBTOR).getString("state"));
            assertEquals("OPEN", caseOf(PLANNER).getString("state"));
            for (int i = 0; i < 2; i++) {
                String communication = StructuredCommunication.parse(plan.getString("instalments[" + i + "].structuredCommunication")).digits();
                pay(communication, plan.getString("instalments[" + i + "].amount"), LocalDate.of(2026, 10, 20 + i));
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("agent").get("/api/recovery/cases/" + planned).then()
                    .body("state", equalTo("CLOSED")).body("closedReason", equalTo("SETTLED_BY_PLAN"))
                    .body("plans[0].status", equalTo("COMPLETED")));
            assertEquals(0f, quarter(PLANNER).getFloat("outstanding"));

            pass("2026-11-16");
            pass("2026-12-16");
            as("agent").get("/api/recovery/cases/" + caseId).then().body("state", equalTo("LAST_REMINDER"))
                    .body("lastReminderOn", equalTo("2026-12-16")).body("contestUntil", equalTo("2027-01-16"));
            pass("2027-01-17");
            as("agent").get("/api/recovery/worklist?kind=PERSONAL_CONTACT").then().statusCode(200).body("items.caseId", hasItem(caseId));

            // the charter's hard rule: no judicial step before a personal contact
            as("agent").header("Accept-Language", "nl").post("/api/recovery/cases/" + caseId + "/contraintes").then().statusCode(409)
                    .contentType("application/problem+json").body("errors.code", equalTo(List.of("personal-contact-missing")))
                    .body("errors[0].message", containsString("persoonlijk contact"));
            as("agent").body("{\"channel\":\"PHONE\",\"outcome\":\"REACHED\",\"on\":\"2027-01-17\","
                            + "\"note\":\"Reached: no payment possible before March, no plan wanted.\"}")
                    .post("/api/recovery/cases/" + caseId + "/contacts").then().statusCode(201).body("contactMade", equalTo(true));
            String contrainte = as("agent").post("/api/recovery/cases/" + caseId + "/contraintes").then().statusCode(201)
                    .body("state", equalTo("CONTRAINTE_ISSUED")).extract().path("contrainte.id");
            clock("recovery", "2027-01-20");
            as("agent").body("{\"servedOn\":\"2027-01-20\",\"bailiff\":\"Me Janssens, gerechtsdeurwaarder\"}")
                    .post("/api/recovery/cases/" + caseId + "/contraintes/" + contrainte + "/service").then().statusCode(200)
                    .body("state", equalTo("CONTRAINTE_SERVED")).body("contrainte.oppositionUntil", equalTo("2027-02-20"));

            // served on 20 January 2027: the last surcharge is that of 31 December 2026 (3 %), not the 7 % of 1 January
            clock("contributions", "2027-07-05");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                as("supervisor").post("/api/contributions/admin/surcharge-run").then().statusCode(200);
                // net of what the stop cancelled when the service was recorded after a surcharge run had booked more
                assertEquals(2 * firstSurcharge, quarter(DEBTOR).getFloat("surchargesOutstanding"), 0.001,
                        "30 September and 31 December 2026, nothing after");
            });
        } finally {
            for (String s : List.of("affiliations", "contributions", "recovery")) {
                clock(s, null);
            }
        }
    }
}
