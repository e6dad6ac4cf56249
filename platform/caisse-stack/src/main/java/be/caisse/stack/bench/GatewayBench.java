package be.caisse.stack.bench;

import be.caisse.stack.StackConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./caisse bench gateway}: the same authenticated GET of a dossier sent straight to affiliation-service and
 * through the gateway, with a real Keycloak token of the demo agent. Prints both rates, their ratio and the
 * latencies. The target of the gateway: ratio ≥ 0.80 and p50 added ≤ 1 ms.
 *
 * <p>These machines are noisy (the direct rate alone drifts by a third from one 8-second round to the next), so the
 * two ways are measured in short alternating slices (direct, gateway, direct, …) and the ratio is that of the sums:
 * a drift hits both alike. Two phases. <b>Throughput</b>: {@code bench.connections} connections keep the machine
 * busy (on a 2-core machine the service, PostgreSQL, the gateway and this generator share the cores: what the
 * gateway costs shows as fewer answers per second). <b>Latency</b>: one connection, the machine otherwise idle, so
 * that the p50 difference is the time the gateway adds to one request, not the queueing that saturation adds.
 *
 * <p>Warm-up: the gateway runs the optimising compiler, which needs a minute or two of load on 2 cores before its hot
 * code is compiled (a gateway in service has long passed that point). It goes on by rounds of 10 s for at least
 * {@code bench.warmup} seconds (90) and until two rounds in a row agree within 5 %, at most 240 s.
 *
 * <p>Options (system properties, through {@code BENCH_OPTS}): {@code bench.connections} (8), {@code bench.slices}
 * (12 pairs), {@code bench.slice-seconds} (2), {@code bench.warmup} (90).
 */
public final class GatewayBench {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private GatewayBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("caisse.repo", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.fromEnvironment(repo);
        int connections = Integer.getInteger("bench.connections", 8);
        int slices = Integer.getInteger("bench.slices", 12);
        long sliceMillis = Integer.getInteger("bench.slice-seconds", 2) * 1000L;
        int warmup = Integer.getInteger("bench.warmup", 90);

        String token = token(config);
        String niss = benchNiss();
        URI direct = URI.create("http://" + config.host() + ":" + config.affiliationPort() + "/affiliations/" + niss);
        URI gateway = URI.create("http://" + config.host() + ":" + config.gatewayPort() + "/api/affiliations/" + niss);
        ensureDossier(config, token, niss, gateway.toString());
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Accept", "application/json");

        HttpLoad.run(direct, headers, connections, 10_000);
        int warmed = warmUntilSteady(gateway, headers, connections, warmup, 240);
        System.out.printf("[bench] GET /affiliations/{niss} as agent; after %d s of warm-up, %d alternating slices of %d ms each way%n",
                warmed, slices, sliceMillis);

        HttpLoad.Result[] busy = alternate(direct, gateway, headers, connections, slices, sliceMillis);
        System.out.println("[bench] throughput, " + connections + " connections:");
        print("direct ", busy[0]);
        print("gateway", busy[1]);
        HttpLoad.Result[] alone = alternate(direct, gateway, headers, 1, slices, sliceMillis);
        System.out.println("[bench] latency, one connection:");
        print("direct ", alone[0]);
        print("gateway", alone[1]);
        double ratio = busy[1].rate() / busy[0].rate();
        System.out.printf("[bench] throughput ratio gateway/direct %.2f (target >= 0.80); p50 added %.2f ms at one connection "
                        + "(target <= 1 ms), %.2f ms under load%n", ratio,
                alone[1].percentileMillis(50) - alone[0].percentileMillis(50),
                busy[1].percentileMillis(50) - busy[0].percentileMillis(50));
        long errors = busy[0].errors() + busy[1].errors() + alone[0].errors() + alone[1].errors();
        if (errors > 0) {
            System.out.printf("[bench] WARNING: %d answers were not 200%n", errors);
        }
    }

    /** Slices of each way in turn; returns the merged direct and gateway results. */
    private static HttpLoad.Result[] alternate(URI direct, URI gateway, Map<String, String> headers, int connections,
                                               int slices, long sliceMillis) throws InterruptedException {
        List<HttpLoad.Result> d = new ArrayList<>();
        List<HttpLoad.Result> g = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            // Which goes first alternates too, so that neither always follows the other.
            if (i % 2 == 0) {
                d.add(HttpLoad.run(direct, headers, connections, sliceMillis));
                g.add(HttpLoad.run(gateway, headers, connections, sliceMillis));
            } else {
                g.add(HttpLoad.run(gateway, headers, connections, sliceMillis));
                d.add(HttpLoad.run(direct, headers, connections, sliceMillis));
            }
        }
        return new HttpLoad.Result[]{HttpLoad.Result.merge(d), HttpLoad.Result.merge(g)};
    }

    /** At least {@code minSeconds}, then rounds of 10 s until two in a row agree within 5 %; returns the seconds spent. */
    private static int warmUntilSteady(URI uri, Map<String, String> headers, int connections, int minSeconds, int maxSeconds)
            throws InterruptedException {
        int spent = 0;
        double previous = -1;
        while (spent < maxSeconds) {
            double rate = HttpLoad.run(uri, headers, connections, 10_000).rate();
            spent += 10;
            if (spent >= minSeconds && previous > 0 && Math.abs(rate - previous) <= 0.05 * Math.max(rate, previous)) {
                break;
            }
            previous = rate;
        }
        return spent;
    }

    private static void print(String label, HttpLoad.Result r) {
        System.out.printf("[bench] %s %8.0f requests/s  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  (%d requests, %d not 200)%n",
                label, r.rate(), r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99), r.requests(), r.errors());
    }

    /** A real token of the demo agent, from Keycloak's token endpoint (password grant of the caisse-web client). */
    static String token(StackConfig config) throws Exception {
        String form = "client_id=caisse-web&grant_type=password&username=agent&password="
                + URLEncoder.encode("demo", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(config.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("No token from Keycloak (" + response.statusCode() + "): is the stack up? ./caisse up");
        }
        return m.group(1);
    }

    /** The dossier the benchmark reads, registered through the gateway the first time. */
    private static void ensureDossier(StackConfig config, String token, String niss, String gateway) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int status = http.send(HttpRequest.newBuilder(URI.create(gateway)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
            return;
        }
        String body = """
                {"niss":"%s","firstName":"Bench","lastName":"Marque","category":"PRINCIPAL","startDate":"%s"}
                """.formatted(niss, LocalDate.now().withDayOfMonth(1));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway.substring(0, gateway.lastIndexOf('/'))))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not register the bench dossier: " + created.statusCode() + " " + created.body());
        }
    }

    /** A National Register number born 1 Feb 1980 (sequence 997), with its mod-97 check digits. */
    static String benchNiss() {
        String base = "800201997";
        long check = 97 - Long.parseLong(base) % 97;
        return base + String.format("%02d", check);
    }
}
