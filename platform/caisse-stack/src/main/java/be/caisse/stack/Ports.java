package be.caisse.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Free loopback ports for tests. */
public final class Ports {
    private static final Set<Integer> TAKEN = new HashSet<>();
    private static final Random RANDOM = new Random();

    private Ports() {
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up): a port the kernel picks for us could be handed
     * out again as the source port of an outgoing connection before the server binds it.
     */
    public static synchronized int free() throws IOException {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = 21000 + RANDOM.nextInt(11000);
            if (TAKEN.contains(port)) {
                continue;
            }
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                TAKEN.add(port);
                return port;
            } catch (IOException busy) {
                // try another one
            }
        }
        throw new IOException("No free port found between 21000 and 32000");
    }
}
