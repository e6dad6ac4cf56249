package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13: the service charter measured through the gateway (every service's figures, the Grafana dashboard charting
 * exactly the gauges the services expose), and a dead service that does not slow the routes to the others.
 */
@ExtendWith(StackExtension.class)
@Order(13)
class CharterE2E {
    private static final String LEA = "85071412330";
    private static final Pattern METRIC = Pattern.compile("caisse_charter_[a-z0-9_]+");

    @Test
    void theWholeCharterInOneAnswerAndTheDashboardChartsEveryGauge() throws Exception {
        String supervisor = Tokens.bearer("supervisor");
        JsonPath charter = given().header("Authorization", supervisor).get("/api/charter").then().statusCode(200)
                .body("services", hasSize(4)).body("unavailable", hasSize(0))
                .body("services.service", org.hamcrest.Matchers.contains("affiliation", "contribution", "benefits", "recovery"))
                .extract().jsonPath();
        List<String> metrics = charter.getList("services.figures.flatten().metric");
        List<String> definitions = charter.getList("services.figures.flatten().definition");
        assertTrue(definitions.stream().allMatch(d -> d != null && d.length() > 20), "every figure carries its definition");
        Set<String> served = new TreeSet<>(metrics);
        assertEquals(metrics.size(), served.size(), "metric names are unique");

        // the dashboard charts exactly the gauges the services serve, no more, no fewer
        String dashboard = Files.readString(StackExtension.config().repo().resolve("infra/grafana/caisse-charter.json"));
        Set<String> charted = new TreeSet<>();
        for (Object expr : JsonPath.from(dashboard).getList("panels.findAll { it.type != 'row' }.targets.flatten().expr")) {
            Matcher m = METRIC.matcher((String) expr);
            while (m.find()) {
                charted.add(m.group());
            }
        }
        assertEquals(served, charted, "infra/grafana/caisse-charter.json against the served figures");
        String prometheus = Files.readString(StackExtension.config().repo().resolve("infra/prometheus/prometheus.yml"));
        for (String port : List.of("8081", "8082", "8083", "8084")) {
            assertTrue(prometheus.contains(":" + port + "\""), "Prometheus scrapes the service on " + port);
        }

        // each service exposes its gauges (the first refresh comes 20 s after the start)
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Integer> ports = StackExtension.config().servicePorts();
        Map<String, String> services = Map.of("affiliation", "affiliation-service", "contribution", "contribution-service",
                "benefits", "benefits-service", "recovery", "recovery-service");
        for (Map.Entry<String, String> s : services.entrySet()) {
            String url = "http://" + StackExtension.config().host() + ":" + ports.get(s.getValue()) + "/q/metrics";
            List<String> own = served.stream().filter(m -> m.startsWith("caisse_charter_" + s.getKey() + "_")).toList();
            assertTrue(own.size() >= 5, s.getKey() + " has its figures");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
                return own.stream().allMatch(m -> body.contains(m + "{"));
            });
        }
        System.out.printf("[charter] %d figures served by 4 services, %d charted, %d breaches now: %s%n", served.size(), charted.size(),
                charter.getList("breaches").size(), charter.getList("breaches"));

        // a period and its mistakes, in the caller's language; members do not see the fund's figures
        String year = Integer.toString(LocalDate.now().getYear());
        given().header("Authorization", supervisor).queryParam("from", year + "-01-01").queryParam("to", year + "-12-31").get("/api/charter")
                .then().statusCode(200).body("from", equalTo(year + "-01-01")).body("to", equalTo(year + "-12-31"));
        given().header("Authorization", supervisor).header("Accept-Language", "nl").queryParam("from", "2026-12-31").queryParam("to", "2026-01-01")
                .queryParam("x", "1").get("/api/charter").then().statusCode(400).header("Content-Language", "nl")
                .body("errors.field", hasItem("to"));
        given().header("Authorization", supervisor).queryParam("from", "999999999").get("/api/charter").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().header("Authorization", supervisor).queryParam("from", "2026-01-01").queryParam("from", "2026-02-01").get("/api/charter")
                .then().statusCode(400);
        given().header("Authorization", Tokens.bearer("lea")).get("/api/charter").then().statusCode(403);
        given().get("/api/charter").then().statusCode(401);
    }

    /**
     * Issue 13 §3: benefits-service killed while contribution reads are under load; the affiliation reads keep their
     * answers and their pace, the dead service's routes answer 502 at once (never hang), the charter names it.
     */
    @Test
    void aDeadServiceDoesNotSlowTheOthers() throws Exception {
        String agent = Tokens.bearer("agent");
        if (given().header("Authorization", agent).get("/api/affiliations/" + LEA).statusCode() == 404) {
            given().header("Authorization", agent).contentType("application/json").body("""
                    {"niss":"%s","firstName":"Léa","lastName":"Dubois","category":"PRINCIPAL","startDate":"%s"}"""
                    .formatted(LEA, LocalDate.now().withDayOfMonth(1))).post("/api/affiliations").then().statusCode(201);
        }
        String supervisor = Tokens.bearer("supervisor");
        List<Long> before = reads(supervisor, 60);
        StackExtension.stack().stop("benefits-service");
        ExecutorService load = Executors.newFixedThreadPool(3);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> deadAnswers = Collections.synchronizedList(new ArrayList<>());
        List<Long> deadTimes = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> loads = new ArrayList<>();
            // one user hammers the contribution reads, another the dead service's routes
            loads.add(load.submit(() -> hammer(running, agent, "/api/contributions/accounts/" + LEA, null, null)));
            loads.add(load.submit(() -> hammer(running, agent, "/api/contributions/accounts/" + LEA, null, null)));
            String admin = Tokens.bearer("admin");
            loads.add(load.submit(() -> hammer(running, admin, "/api/benefits/claims?page=0", deadAnswers, deadTimes)));
            Thread.sleep(500);
            List<Long> during = reads(supervisor, 60);
            given().header("Authorization", supervisor).get("/api/charter").then().statusCode(200)
                    .body("unavailable", org.hamcrest.Matchers.contains("benefits")).body("services", hasSize(3));
            running.set(false);
            for (Future<?> f : loads) {
                f.get();
            }
            long p50Before = percentile(before, 50), p50During = percentile(during, 50), p90During = percentile(during, 90);
            long deadP90 = percentile(deadTimes, 90);
            System.out.printf("[isolation] affiliation reads p50 %d ms before, %d ms with benefits dead and contributions under load "
                    + "(p90 %d ms, ratio %.2f); %d calls to the dead service: %s, p90 %d ms%n", p50Before, p50During, p90During,
                    p50During / (double) Math.max(1, p50Before), deadAnswers.size(), new TreeSet<>(deadAnswers), deadP90);
            assertTrue(deadAnswers.stream().allMatch(s -> s == 502), "the dead service's routes answer 502: " + new TreeSet<>(deadAnswers));
            // a broad bound, not a speed test: a gateway waiting on the dead service would take its connect timeout (2 s)
            assertTrue(deadP90 < 2000, "the dead service's routes do not hang: p90 " + deadP90 + " ms");
            assertTrue(p90During < Math.max(1000, 10 * p50Before), "the other routes are not held up: p90 " + p90During + " ms");
        } finally {
            running.set(false);
            load.shutdownNow();
            StackExtension.stack().start("benefits-service");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", supervisor).get("/api/charter")
                .then().extract().path("unavailable").toString().equals("[]"));
    }

    /**
     * Issue 13 §2: 20 registrations through the gateway, each sent twice with its Idempotency-Key (a client that lost
     * the first answer): every one registered once, the second answer the first, and its account opened downstream.
     */
    @Test
    void aRegistrationRetriedThroughTheGatewayIsRegisteredOnce() {
        String agent = Tokens.bearer("agent");
        int replayed = 0;
        List<String> nisses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String niss = be.caisse.testsupport.Nisses.of(LocalDate.of(1967, 3, 1).plusDays(i), 401 + 2 * i);
            nisses.add(niss);
            String body = """
                    {"niss":"%s","firstName":"Retry","lastName":"Client%d","category":"PRINCIPAL","startDate":"%s"}"""
                    .formatted(niss, i, LocalDate.now().withDayOfMonth(1));
            String key = "e2e-" + niss + "-" + System.nanoTime();
            var first = given().header("Authorization", agent).header("Idempotency-Key", key).contentType("application/json").body(body)
                    .post("/api/affiliations").then().extract();
            if (first.statusCode() == 409) {
                continue; // registered by an earlier run on this stack
            }
            assertEquals(201, first.statusCode(), first.body().asString());
            var again = given().header("Authorization", agent).header("Idempotency-Key", key).contentType("application/json").body(body)
                    .post("/api/affiliations").then().statusCode(201).header("Idempotent-Replayed", "true").extract();
            assertEquals(first.body().asString(), again.body().asString());
            replayed++;
        }
        for (String niss : nisses) {
            await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", agent)
                    .get("/api/contributions/accounts/" + niss).statusCode() == 200);
        }
        System.out.printf("[idempotency] %d registrations sent twice with their key: %d replayed, 0 registered twice; %d accounts opened%n",
                nisses.size(), replayed, nisses.size());
    }

    private static List<Long> reads(String token, int n) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            given().header("Authorization", token).get("/api/affiliations/" + LEA).then().statusCode(200);
            times.add((System.nanoTime() - t) / 1_000_000);
        }
        return times;
    }

    private static void hammer(AtomicBoolean running, String token, String path, List<Integer> statuses, List<Long> times) {
        while (running.get()) {
            long t = System.nanoTime();
            int status = given().header("Authorization", token).get(path).statusCode();
            if (statuses != null) {
                statuses.add(status);
                times.add((System.nanoTime() - t) / 1_000_000);
            }
            try {
                Thread.sleep(status == 429 ? 200 : 5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
