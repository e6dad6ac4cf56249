package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.testsupport.DocumentChecks;
import be.caisse.testsupport.MailBox;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 through the gateway with real tokens and the stack's real SMTP/IMAP server: lea chooses e-mail, asks
 * for her affiliation certificate (a PDF/A in French), finds it in her documents, receives the e-mail that
 * announces it (no personal data, a link), and opens the link; marc is refused on her list and her document; an
 * agent sees her list; a supervisor makes the print batch.
 */
@ExtendWith(StackExtension.class)
@Order(10)
class DocumentsE2E {
    private static final String LEA = "85071412330";
    private static final String LEA_MAIL = "lea.dubois.e2e@example.be";

    @Test
    void aMemberGetsHerCertificateItsEmailAndItsLinkThroughTheGateway() throws Exception {
        String agent = Tokens.bearer("agent");
        if (given().header("Authorization", agent).get("/api/affiliations/" + LEA).statusCode() == 404) {
            // run alone (the walking skeleton registers her first otherwise)
            given().header("Authorization", agent).contentType("application/json").body("""
                    {"niss":"%s","firstName":"Léa","lastName":"Dubois","category":"PRINCIPAL","startDate":"%s"}"""
                    .formatted(LEA, java.time.LocalDate.now().withDayOfMonth(1))).post("/api/affiliations").then().statusCode(201);
        }
        String lea = Tokens.bearer("lea");
        given().header("Authorization", lea).contentType("application/json")
                .body("{\"email\":\"" + LEA_MAIL + "\",\"deliveryChannel\":\"EMAIL\"}")
                .patch("/api/affiliations/me/contact").then().statusCode(200).body("deliveryChannel", equalTo("EMAIL"));
        var answer = given().header("Authorization", lea).accept("application/pdf").get("/api/affiliations/me/certificate")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("inline; filename=\"affiliation-certificate-")).extract();
        byte[] pdf = answer.asByteArray();
        String text = DocumentChecks.text(pdf);
        assertTrue(text.contains("Attestation d'affiliation") && text.contains("85.07.14-123.30"), text);
        assertEquals(List.of(), DocumentChecks.pdfaFailures(pdf), "PDF/A");
        given().header("Authorization", lea).accept("application/json").get("/api/affiliations/me/certificate").then().statusCode(406);

        String href = await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", lea)
                .get("/api/affiliations/me/documents?type=affiliation-certificate&current=true").then().statusCode(200)
                .extract().<String>path("items[0].href"), notNullValue());
        List<MailBox.Mail> mails = await().atMost(Duration.ofSeconds(60)).until(
                () -> MailBox.read(StackExtension.config().imapPort(), LEA_MAIL), m -> !m.isEmpty());
        MailBox.Mail mail = mails.get(mails.size() - 1);
        assertTrue(mail.subject().startsWith("Un nouveau document dans votre dossier"), mail.subject());
        assertFalse(mail.body().contains("Dubois") || mail.body().contains(LEA) || mail.body().contains("85.07.14"), mail.body());
        String link = java.util.Arrays.stream(mail.body().split("\\s+")).filter(w -> w.startsWith("http")).findFirst().orElseThrow();
        assertEquals(href, URI.create(link).getPath(), "the mail links to the document");
        byte[] again = given().header("Authorization", lea).accept("application/pdf").get(URI.create(link).getPath())
                .then().statusCode(200).header("ETag", equalTo(answer.header("ETag"))).extract().asByteArray();
        assertArrayEquals(pdf, again, "the same bytes as issued");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", lea)
                .get("/api/affiliations/me/documents?type=affiliation-certificate&current=true").then()
                .body("items[0].mailStatus", equalTo("SENT")).body("items[0].sentAt", notNullValue()));

        String marc = Tokens.bearer("marc");
        given().header("Authorization", marc).get("/api/affiliations/" + LEA + "/documents").then().statusCode(403);
        given().header("Authorization", marc).accept("application/pdf").get(href).then().statusCode(403);
        given().accept("application/pdf").get(href).then().statusCode(401);
        given().header("Authorization", agent).get("/api/affiliations/" + LEA + "/documents").then().statusCode(200)
                .body("items.href", org.hamcrest.Matchers.hasItem(href));
        given().header("Authorization", Tokens.bearer("supervisor")).post("/api/affiliations/print-batches").then().statusCode(201)
                .body("id", notNullValue());
    }
}
