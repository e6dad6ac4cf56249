package be.caisse.benefits;

import be.caisse.testsupport.MessageKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every rule, problem and field code of this service (and of caisse-common) has its text in fr, nl, de and en. */
class MessageKeysTest {
    @Test
    void everyCodeHasItsTextInEveryLanguage() {
        MessageKeys.assertAllDefined(Path.of("src/main/java"));
        MessageKeys.assertAllDefined(Path.of("../platform/caisse-common/src/main/java"));
    }
}
