package be.caisse.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The gateway's entry point. Before Quarkus starts: Vert.x must leave the reading of the address to the gateway
 * ({@code vertx.disableURIValidation}), otherwise an address that {@link java.net.URI} cannot read gets a bare 400
 * with no body before any route sees it. The gateway checks the address itself, first thing
 * ({@code GatewayRoutes#front}), and answers a problem document. The tests set the same property (pom.xml).
 */
@QuarkusMain
public final class GatewayMain {
    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
