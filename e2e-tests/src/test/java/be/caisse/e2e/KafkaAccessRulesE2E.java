package be.caisse.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.stack.KafkaAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No stack needed. docker-compose applies infra/kafka/access-rules.txt: it must say what the stack and the tests apply. */
class KafkaAccessRulesE2E {
    @Test
    void composeAppliesTheSameRulesAsTheStack() throws Exception {
        Path file = Path.of(System.getProperty("caisse.repo", "..")).resolve("infra/kafka/access-rules.txt");
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(KafkaAccess.rules(), lines, "regenerate: java -cp platform/caisse-stack/target/classes be.caisse.stack.KafkaAccess");
    }
}
