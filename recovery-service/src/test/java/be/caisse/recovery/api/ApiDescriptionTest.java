package be.caisse.recovery.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.OpenApiLint;
import be.caisse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** This service's API description keeps the rules a front end relies on (OpenApiLint lists them). */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recovery"))
@QuarkusTestResource(KafkaTestResource.class)
class ApiDescriptionTest {
    @Test
    void theApiDescriptionKeepsTheRules() {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        OpenApiLint.keep(doc, "target/openapi.json");
        List<String> findings = OpenApiLint.findings(doc);
        assertEquals(List.of(), findings, String.join("\n", findings));
    }
}
