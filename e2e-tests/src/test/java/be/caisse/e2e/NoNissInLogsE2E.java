package be.caisse.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.common.identifiers.Niss;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 §3: no national number in clear in any log of the system. Runs after every other end-to-end test (they
 * registered, billed, paid, decided and wrote letters for dozens of persons) and reads every log file of the stack:
 * any valid NISS, written as 11 digits or as 85.07.14-123.30, fails it (the report masks what it found).
 */
@ExtendWith(StackExtension.class)
@Order(1000)
class NoNissInLogsE2E {
    private static final Pattern DIGITS = Pattern.compile("(?<![0-9])([0-9]{11})(?![0-9])");
    private static final Pattern PRINTED = Pattern.compile("(?<![0-9])([0-9]{2})\\.([0-9]{2})\\.([0-9]{2})-([0-9]{3})\\.([0-9]{2})(?![0-9])");

    @Test
    void noLogOfTheStackHoldsANationalNumber() throws IOException {
        Path logs = StackExtension.config().logs();
        List<Path> files;
        try (Stream<Path> s = Files.walk(logs)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() >= 9, "the logs of every part: " + files);
        List<String> found = new ArrayList<>();
        long lines = 0;
        for (Path file : files) {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                lines++;
                Matcher d = DIGITS.matcher(line);
                while (d.find()) {
                    if (Niss.isValid(d.group(1))) {
                        found.add(file.getFileName() + ":" + n + " " + Niss.mask(d.group(1)));
                    }
                }
                Matcher p = PRINTED.matcher(line);
                while (p.find()) {
                    String digits = p.group(1) + p.group(2) + p.group(3) + p.group(4) + p.group(5);
                    if (Niss.isValid(digits)) {
                        found.add(file.getFileName() + ":" + n + " " + Niss.mask(digits));
                    }
                }
            }
        }
        System.out.printf("[privacy] %,d log lines of %d files read, %d national numbers found%n", lines, files.size(), found.size());
        assertEquals(List.of(), found.subList(0, Math.min(found.size(), 20)), "national numbers in clear in the logs");
    }
}
