package be.caisse.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.caisse.common.domain.CharterFigure.Status;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CharterFigureTest {

    @ParameterizedTest(name = "{0} of {1} = {2} %")
    @CsvSource({
            "0, 1, 0.0",
            "1, 3, 33.3",
            "2, 3, 66.6",     // rounded down: 66.66… is not 66.7
            "9999, 10000, 99.9", // rounded down: 99.99 never reads as 100
            "10000, 10000, 100.0",
            "7, 8, 87.5"})
    void aShareIsRoundedDownToOneDecimal(long hits, long total, String percent) {
        assertEquals(new BigDecimal(percent), CharterFigure.share(hits, total));
    }

    @Test
    void nothingToMeasureHasNoValueAndNoStatusButNoData() {
        assertNull(CharterFigure.share(0, 0));
        assertEquals(Status.NO_DATA, CharterFigure.full("refusals-with-all-mentions", "art. 14", "d", 0, 0).status());
        assertEquals(Status.NO_DATA, CharterFigure.days("median", "c", "d", BigDecimal.TEN, 0, BigDecimal.ONE).status());
    }

    @ParameterizedTest(name = "must be 100 %: {0} of {1} → {2}")
    @CsvSource({
            "5, 5, KEPT, false",
            "4, 5, BREACHED, true",
            "9999, 10000, BREACHED, true", // one refusal in ten thousand without its mentions is a breach
            "0, 3, BREACHED, true"})
    void aMustBeFullFigureIsKeptOnlyWhenEveryCaseIs(long hits, long total, Status status, boolean breach) {
        CharterFigure f = CharterFigure.full("contact-before-judicial-step", "charter", "d", hits, total);
        assertEquals(status, f.status());
        assertEquals(breach, f.breach());
    }

    @ParameterizedTest(name = "{0} % against a target of {1} % → {2}")
    @CsvSource({
            "90, 100, 90, KEPT",
            "89, 100, 90, BREACHED",
            "0, 10, 0, KEPT"})
    void aShareWithATargetIsKeptAtOrAboveIt(long hits, long total, String target, Status status) {
        CharterFigure f = CharterFigure.share("decisions-within-4-months", "art. 10", "d", hits, total, new BigDecimal(target));
        assertEquals(status, f.status());
        assertEquals(false, f.breach()); // only a must-be-100 % figure is a breach to tell
    }

    @ParameterizedTest(name = "{0} days against at most {1} → {2}")
    @CsvSource({"3, 5, KEPT", "5, 5, KEPT", "6, 5, BREACHED"})
    void aDurationIsKeptAtOrBelowItsTarget(String days, String target, Status status) {
        assertEquals(status, CharterFigure.days("median-days", "c", "d", new BigDecimal(days), 10, new BigDecimal(target)).status());
    }

    @Test
    void aFigureWithoutTargetIsInformative() {
        assertEquals(Status.INFORMATIVE, CharterFigure.count("regularisation-notices", "c", "d", 12).status());
        assertEquals(new BigDecimal("12.50"), CharterFigure.euros("late-interest", "c", "d", new BigDecimal("12.5"), 2).value());
    }

    @Test
    void keysAreStableMetricFriendlyNames() {
        assertThrows(IllegalArgumentException.class, () -> CharterFigure.count("Decisions within", "c", "d", 1));
        assertThrows(IllegalArgumentException.class, () -> CharterFigure.share(4, 3));
        assertThrows(IllegalArgumentException.class, () -> new CharterFigure("x", "c", "d", CharterFigure.Unit.DAYS, BigDecimal.ONE,
                1, CharterFigure.FULL, CharterFigure.Direction.AT_LEAST, true));
    }
}
