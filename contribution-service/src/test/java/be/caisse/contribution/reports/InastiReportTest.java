package be.caisse.contribution.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * INASTI's statistics of a quarter (issue 12 §5) against a known population in 2003-Q2, a quarter no other test
 * touches: five persons (A, C, E men; B, D women — the NISS's sequence number), their periods, bookings, requests,
 * exemptions and recovery cases, each figure worked out by hand below.
 */
@QuarkusTest
@TestSecurity(user = "anne", roles = "agent")
class InastiReportTest {
    static final String A = "55030300118";
    static final String B = "55030300415";
    static final String C = "55030300514";
    static final String D = "55030300811";
    static final String E = "55030300910";

    @Inject
    EntityManager em;

    void sql(String sql, Object... args) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < args.length; i++) {
            q.setParameter(i + 1, args[i]);
        }
        q.executeUpdate();
    }

    @BeforeEach
    void aKnownPopulation() {
        QuarkusTransaction.requiringNew().run(() -> {
            // the population exactly as written here, whatever another test (or an earlier run on this database) left
            List<String> all = List.of(A, B, C, D, E);
            for (String table : List.of("ledger_entry WHERE account", "recovery_case_move WHERE account", "exempted_quarter WHERE niss",
                    "contribution_request WHERE niss", "liability_period WHERE niss", "contribution_account WHERE niss")) {
                em.createNativeQuery("DELETE FROM " + table + " IN (:all)").setParameter("all", all).executeUpdate();
            }
            for (String n : List.of(A, B, C, D, E)) {
                sql("INSERT INTO contribution_account (niss, affiliation_id, category, liable_from, opened_at) VALUES (?1, ?2, 'PRINCIPAL', DATE '2000-01-01', now())",
                        n, UUID.randomUUID());
            }
            String period = "INSERT INTO liability_period (niss, affiliation_id, category, starts_on, ends_on) VALUES (?1, ?2, ?3, CAST(?4 AS date), CAST(?5 AS date))";
            sql(period, A, UUID.randomUUID(), "PRINCIPAL", "2001-01-01", null);            // liable throughout
            sql(period, B, UUID.randomUUID(), "PRINCIPAL", "2003-05-01", null);            // new in the quarter
            sql(period, C, UUID.randomUUID(), "COMPLEMENTARY", "2002-01-01", "2003-06-30"); // ceases on its last day
            sql(period, D, UUID.randomUUID(), "PRINCIPAL", "2000-01-01", "2003-03-31");     // ceased the quarter before
            sql(period, E, UUID.randomUUID(), "PRINCIPAL", "2000-01-01", "2003-04-30");     // a change of category,
            sql(period, E, UUID.randomUUID(), "COMPLEMENTARY", "2003-05-01", null);         // not a cessation
            String book = "INSERT INTO ledger_entry (account, period, kind, component, amount, booked_on, description, created_at) "
                    + "VALUES (?1, ?2, ?3, ?4, CAST(?5 AS numeric), CAST(?6 AS date), 'fixture', now())";
            sql(book, A, "2003-Q1", "CONTRIBUTION", "PRINCIPAL", "900.00", "2003-01-05");
            sql(book, A, "2003-Q2", "CONTRIBUTION", "PRINCIPAL", "800.00", "2003-04-05");
            sql(book, A, "2003-Q2", "FEE", "PRINCIPAL", "32.00", "2003-04-05");
            sql(book, A, "2003-Q2", "REDUCTION", "PRINCIPAL", "-100.00", "2003-05-10");
            sql(book, A, "2003-Q2", "PAYMENT", "PRINCIPAL", "-500.00", "2003-05-20");
            sql(book, A, null, "PAYMENT", "CREDIT", "-20.00", "2003-05-20");
            sql(book, A, "2003-Q1", "SURCHARGE", "SURCHARGE", "24.00", "2003-06-30");
            sql(book, A, "2003-Q1", "WAIVER", "SURCHARGE", "-10.00", "2003-06-15");
            sql(book, B, "2003-Q3", "CONTRIBUTION", "PRINCIPAL", "700.00", "2003-07-01"); // the next quarter
            String request = "INSERT INTO contribution_request (id, niss, type, quarters, status, created_at, created_by, decided_by, decided_at) "
                    + "VALUES (?1, ?2, 'EXEMPTION', '2003-Q1', 'GRANTED', CAST(?3 AS timestamptz), 'fixture', 'fixture', CAST(?3 AS timestamptz))";
            sql(request, UUID.randomUUID(), A, "2003-05-02T10:00:00Z");
            sql(request, UUID.randomUUID(), C, "2003-08-01T10:00:00Z");                   // decided after the quarter
            sql("INSERT INTO exempted_quarter (niss, quarter, reason, source, recorded_at) VALUES (?1, '2003-Q2', 'CARER_LEAVE', 'fixture', now())", B);
            String move = "INSERT INTO recovery_case_move (reference, account, state, moved_on, periods, recorded_at) VALUES (?1, ?2, ?3, CAST(?4 AS date), ?5, now())";
            sql(move, "R1-2003", A, "OPEN", "2003-04-01", "2003-Q1");
            sql(move, "R1-2003", A, "REMINDED", "2003-05-01", "2003-Q1");
            sql(move, "R2-2003", E, "OPEN", "2003-03-01", "2003-Q1");
            sql(move, "R2-2003", E, "CLOSED", "2003-06-01", "2003-Q1");
            sql(move, "R3-2003", D, "OPEN", "2003-07-05", "2003-Q1");                     // opened after the quarter
        });
    }

    @Test
    void everyFigureOfTheQuarterFromTheData() {
        JsonPath r = given().accept("application/json").get("/contributions/reports/inasti?quarter=2003-Q2").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("2003-06-30", r.getString("to"));
        // A (PRINCIPAL, man), B (PRINCIPAL, woman), C and E (COMPLEMENTARY, men) on 30 June; D ceased in March
        assertEquals(List.of(Map.of("category", "COMPLEMENTARY", "sex", "MALE", "count", 2),
                        Map.of("category", "PRINCIPAL", "sex", "FEMALE", "count", 1),
                        Map.of("category", "PRINCIPAL", "sex", "MALE", "count", 1)),
                r.getList("affiliates"));
        Map<String, Float> f = new java.util.HashMap<>();
        for (Map<String, Object> m : r.<Map<String, Object>>getList("figures")) {
            f.put((String) m.get("key"), ((Number) m.get("value")).floatValue());
            assertTrue(((String) m.get("definition")).length() > 20, "each figure says what it counts");
        }
        assertEquals(4f, f.get("affiliates"));
        assertEquals(1f, f.get("newlyAffiliated"), "B");
        assertEquals(1f, f.get("ceased"), "C; E changed category, D ceased before");
        assertEquals(732.00f, f.get("contributionsCalled"), "800 + 32 - 100 reduced");
        assertEquals(520.00f, f.get("contributionsCollected"), "500 on the quarter + 20 kept as credit");
        assertEquals(24.00f, f.get("surchargesBooked"));
        assertEquals(10.00f, f.get("surchargesWaived"));
        assertEquals(1f, f.get("dispensationsGranted"), "A's; C's was decided in August");
        assertEquals(1f, f.get("assimilatedQuarters"), "B's carer leave");
        assertEquals(1f, f.get("openRecoveryCases"), "R1; R2 closed on 1 June, R3 opened in July");
        assertEquals(914.00f, f.get("openRecoveryAmount"), "R1's 2003-Q1: 900 + 24 surcharge - 10 waived");
    }

    @Test
    void theSameAsCsvAndOnlyForAValidQuarter() {
        String csv = given().accept("text/csv").get("/contributions/reports/inasti?quarter=2003-Q2").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("inasti-2003-Q2.csv"))
                .extract().asString();
        assertTrue(csv.startsWith("section;key;category;sex;value;unit;definition\r\n"), csv);
        assertTrue(csv.contains("affiliates;affiliates;COMPLEMENTARY;MALE;2;count;"), csv);
        assertTrue(csv.contains("figures;openRecoveryAmount;;;914.00;EUR;"), csv);
        given().get("/contributions/reports/inasti?quarter=9999-Q1").then().statusCode(400).body("errors.field", hasItems("quarter"));
        given().get("/contributions/reports/inasti?quarter=2003-Q5").then().statusCode(400);
        given().get("/contributions/reports/inasti").then().statusCode(400).body("errors.field", hasItems("quarter"));
    }

    @Test
    @TestSecurity(user = "lea", roles = "affiliate")
    void membersDoNotReadTheStatistics() {
        given().get("/contributions/reports/inasti?quarter=2003-Q2").then().statusCode(403);
    }
}
