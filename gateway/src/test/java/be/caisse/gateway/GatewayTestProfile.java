package be.caisse.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The gateway against a stand-in upstream (a JDK HTTP server that echoes what it received, or is slow) and tokens
 * signed with a key made for the test: the gateway checks signature, issuer and expiry exactly as with Keycloak.
 */
public class GatewayTestProfile implements QuarkusTestProfile {
    static final String ISSUER = "https://test.caisse.be/realms/caisse";
    static final KeyPair KEYS = keys();
    static final KeyPair OTHER_KEYS = keys();
    static final int UPSTREAM_PORT;
    static final int CLOSED_PORT;

    static {
        try {
            HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            upstream.setExecutor(Executors.newFixedThreadPool(4));
            upstream.createContext("/affiliations/echo", GatewayTestProfile::echo);
            upstream.createContext("/q/openapi", exchange -> respond(exchange, 200, """
                    {"openapi":"3.1.0","info":{"title":"stand-in","version":"1"},"paths":{"/affiliations/echo":{"get":
                    {"operationId":"echo","summary":"Echo","security":[{"SecurityScheme":["agent"]}],
                    "responses":{"200":{"description":"OK"}}}}}}"""));
            upstream.createContext("/affiliations/slow", exchange -> {
                try {
                    Thread.sleep(4000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, 200, "{}");
            });
            upstream.start();
            UPSTREAM_PORT = upstream.getAddress().getPort();
            try (ServerSocket s = new ServerSocket(0)) {
                CLOSED_PORT = s.getLocalPort(); // nothing listens there once closed
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER,
                "caisse.gateway.upstream.affiliations", "http://127.0.0.1:" + UPSTREAM_PORT,
                "caisse.gateway.upstream.contributions", "http://127.0.0.1:" + CLOSED_PORT,
                "caisse.gateway.timeout-ms", "1500",
                "caisse.gateway.max-body-bytes", "1024");
    }

    private static void echo(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String json = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"uri\":\"" + exchange.getRequestURI()
                + "\",\"authorization\":\"" + exchange.getRequestHeaders().getFirst("Authorization")
                + "\",\"requestId\":\"" + exchange.getRequestHeaders().getFirst("X-Request-Id")
                + "\",\"prefix\":\"" + exchange.getRequestHeaders().getFirst("X-Forwarded-Prefix")
                + "\",\"bodyLength\":" + body.length() + "}";
        exchange.getResponseHeaders().add("X-Upstream", "affiliation");
        respond(exchange, 201, json);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RS256 access token like Keycloak's: issuer, expiry, realm roles. */
    static String token(KeyPair keys, String issuer, long expiresInSeconds, String... roles) {
        return token("agent", keys, issuer, expiresInSeconds, roles);
    }

    static String token(String user, KeyPair keys, String issuer, long expiresInSeconds, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + issuer + "\",\"sub\":\"user-1\",\"preferred_username\":\"" + user + "\",\"iat\":"
                + (now - 10) + ",\"exp\":" + (now + expiresInSeconds) + ",\"realm_access\":{\"roles\":["
                + String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()) + "]}}");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
