package be.caisse.stack;

import java.nio.file.Path;

/** {@code ./caisse up|down|status}: the command line of the stack. */
public final class StackCli {
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("caisse.repo", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.fromEnvironment(repo);
        Stack stack = new Stack(config);
        String command = args.length == 0 ? "status" : args[0];
        switch (command) {
            case "up" -> {
                try {
                    stack.up();
                } catch (Exception e) {
                    System.err.println("[caisse] start-up failed: " + e.getMessage());
                    stack.down();
                    System.exit(1);
                }
                printWelcome(config);
            }
            case "down" -> stack.down();
            case "restart" -> {
                if (args.length < 2 || !Stack.PARTS.contains(args[1]) || Stack.PARTS.indexOf(args[1]) < 3) {
                    System.err.println("usage: caisse restart <service or gateway>");
                    System.exit(2);
                }
                stack.stop(args[1]);
                stack.start(args[1]);
                System.out.println("[caisse] " + args[1] + " restarted");
            }
            case "status" -> stack.status().forEach((name, state) -> System.out.printf("%-22s %s%n", name, state));
            default -> {
                System.err.println("usage: caisse up|down|status|restart <part>");
                System.exit(2);
            }
        }
    }

    static void printWelcome(StackConfig c) {
        String token = "TOKEN=$(curl -s -d client_id=caisse-web -d grant_type=password -d username=agent -d password=demo "
                + c.realmUrl() + "/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')";
        System.out.println("""

                Caisse is up.
                  gateway (the API for front ends)  %s/api
                  the whole API, described          %s/api/docs  (Swagger UI; the document: /api/openapi)
                  Keycloak (realm caisse)           %s  (console admin: kcadmin / kcadmin)
                  affiliation-service               http://%s:%d/q/swagger-ui
                  contribution-service              http://%s:%d/q/swagger-ui
                  benefits-service                  http://%s:%d/q/swagger-ui
                  recovery-service                  http://%s:%d/q/swagger-ui
                  PostgreSQL %s:%d (postgres/postgres), Kafka %s
                  logs in %s

                Demo users (password "demo"): lea and marc (affiliates), agent, supervisor, admin.

                Try it:
                  %s
                  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                    -d '{"niss":"85071412330","firstName":"Léa","lastName":"Dubois","category":"PRINCIPAL","startDate":"%s"}' \\
                    %s/api/affiliations
                  sleep 2   # the registration event travels over Kafka to contribution-service
                  curl -s -H "Authorization: Bearer $TOKEN" %s/api/contributions/accounts/85071412330

                Stop everything with: ./caisse down
                """.formatted(c.gatewayUrl(), c.gatewayUrl(), c.keycloakUrl(), c.host(), c.affiliationPort(), c.host(), c.contributionPort(),
                c.host(), c.benefitsPort(), c.host(), c.recoveryPort(), c.host(), c.postgresPort(), c.kafkaBootstrap(),
                c.logs(), token, java.time.LocalDate.now().withDayOfMonth(1).plusMonths(1), c.gatewayUrl(), c.gatewayUrl()));
    }
}
