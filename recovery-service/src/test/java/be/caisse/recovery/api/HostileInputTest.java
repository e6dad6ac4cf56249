package be.caisse.recovery.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.testsupport.HostileInputs;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every operation of this service's API description, with malformed variants of its input (HostileInputs says
 * which and what each answer must keep): never a 5xx, always a problem document, never a stack trace, never a
 * malformed value taken. Seeded ({@code -Dcaisse.fuzz.seed}) and bounded. Last of the classes: it may change data.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recovery"))
@QuarkusTestResource(KafkaTestResource.class)
@Order(Integer.MAX_VALUE)
class HostileInputTest {
    @Test
    @TestSecurity(user = "agent", roles = {"agent", "supervisor", "admin"})
    void hostileInputNeverBreaksTheContract() {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        long seed = Long.getLong("caisse.fuzz.seed", 20261202L);
        int perOperation = Integer.getInteger("caisse.fuzz.per-operation", 40);
        HostileInputs.Result result = HostileInputs.run(doc, "http://localhost:" + RestAssured.port, seed, perOperation);
        System.out.println("[fuzz] " + result.requests() + " requests, " + result.findings().size() + " findings");
        assertTrue(result.findings().isEmpty(), result.report());
        assertTrue(result.requests() > 0, "the description lists operations");
    }
}
