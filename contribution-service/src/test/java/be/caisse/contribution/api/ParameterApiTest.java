package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/** Parameters are data: loaded from the versioned files, readable with their sources, changeable by an admin. */
@QuarkusTest
class ParameterApiTest {
    static final String YEAR_2030 = """
            {"values":{"t1":80000.00,"t2":118000.00,"rate1":0.205,"rate2":0.1416,
                       "principal.minimumIncome":18500.00,"complementary.threshold":2000.00,"student.threshold":9000.00,
                       "revaluation.coefficient":1.05},
             "sources":{"t1":"test figure"},"unconfirmed":["t1","t2"]}""";

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void agentsReadTheYearsWithTheirSourcesAndWhatIsNotConfirmed() {
        given().get("/contributions/parameters/2026").then().statusCode(200)
                .body("values.t1", equalTo(75024.54f))
                .body("values.'revaluation.coefficient'", equalTo(1.07236269f))
                .body("sources.t1", containsString("https://"))
                .body("unconfirmed", hasItem("student.threshold"))
                .body("origin", equalTo("FILE"));
        given().get("/contributions/parameters").then().statusCode(200).body("items.year", hasItem(2024))
                .body("items[0].year", org.hamcrest.Matchers.greaterThanOrEqualTo(2026));   // newest first
        given().get("/contributions/parameters/1980").then().statusCode(400);
        given().contentType("application/json").body(YEAR_2030).put("/contributions/parameters/2030").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void anAdminAddsAYearAndRefusesAnIncompleteOne() {
        given().contentType("application/json").body(YEAR_2030).put("/contributions/parameters/2030").then().statusCode(200)
                .body("origin", equalTo("ADMIN")).body("changedBy", equalTo("admin")).body("unconfirmed", hasItem("t2"));
        given().get("/contributions/parameters/2030").then().statusCode(200).body("values.t1", equalTo(80000.00f));
        // every figure missing, unknown or out of its range at once
        given().contentType("application/json").body("{\"values\":{\"t1\":80000.00,\"t3\":1,\"rate1\":20.5}}")
                .put("/contributions/parameters/2031").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("values.t2", "values.t3", "values.rate1", "values.student.threshold"))
                .body("errors.find { it.field == 'values.t3' }.code", equalTo("unknown-figure"))
                .body("errors.find { it.field == 'values.rate1' }.code", equalTo("out-of-range"));
        given().contentType("application/json").body(YEAR_2030.replace("118000.00", "70000.00"))
                .put("/contributions/parameters/2031").then().statusCode(400).body("detail", containsString("T1 must be below T2"));
        given().contentType("application/json").body(YEAR_2030.replace("80000.00", "\"80000.00\""))
                .put("/contributions/parameters/2031").then().statusCode(400)
                .body("errors.find { it.field == 'values.t1' }.code", equalTo("type-number"));
    }
}
