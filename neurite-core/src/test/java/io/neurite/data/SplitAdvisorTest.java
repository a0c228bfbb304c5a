package io.neurite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitAdvisorTest {

    @Test
    void amariFractionOfTheNotesExample() {
        // notes: m = 6300 (LeCun net's fully connected layers): 1 / sqrt(2 * 6300) ~ 0.009 = 0.9%
        assertEquals(0.008908708063747479, SplitAdvisor.amariFraction(6300), 1e-15);
    }

    @Test
    void amariAdviceWarnsThatNineImagesCannotCoverTenDigits() {
        // notes: "Assuming a dataset of 1000 images that would be 9 image ... quite obviously too few" for 10 digits
        SplitAdvisor.Advice a = SplitAdvisor.amari(1000, 6300, 10);
        assertEquals(9, a.validationSize());
        assertEquals(991, a.trainingSize());
        assertTrue(a.explanation().contains("m = 6300") && a.explanation().contains("0.89%")
                && a.explanation().contains("9 of 1000"), a.explanation());
        assertEquals(1, a.warnings().size());
        assertTrue(a.warnings().get(0).contains("9 validation samples cannot cover 10 classes"), a.warnings().get(0));
        assertTrue(SplitAdvisor.amari(100_000, 6300, 10).warnings().isEmpty(), "891 samples cover 10 classes");
    }

    @Test
    void guyonRatioFromTheNotesFormula() {
        // sqrt(1.5 * ln(10 / 0.05^2) / h), h = F/3 = 2100 for F = 6300 (python: math.sqrt(1.5*math.log(4000)/2100))
        assertEquals(2100, SplitAdvisor.hMax(6300, SplitAdvisor.Complexity.EARLY_STOPPING, 1), 1e-9);
        assertEquals(0.0769696120004606, SplitAdvisor.guyonRatio(10, 2100, 0.05), 1e-12);
        assertEquals(0.044438426207886975, SplitAdvisor.guyonRatio(10,
                SplitAdvisor.hMax(6300, SplitAdvisor.Complexity.FINITE_WEIGHTS, 1), 0.05), 1e-12);
        // l F ln F with l = 2: 2 * 6300 * ln 6300 = 110228.64...
        assertEquals(110228.64189598325, SplitAdvisor.hMax(6300, SplitAdvisor.Complexity.UPPER_BOUND, 2), 1e-6);
        SplitAdvisor.Advice g = SplitAdvisor.guyon(1000, 10, 6300, 0.05, 10);
        assertEquals(0.07146869432786529, g.fraction(), 1e-12);
        assertEquals(71, g.validationSize());
        assertTrue(g.warnings().isEmpty());
        assertTrue(g.explanation().contains("N = 10") && g.explanation().contains("h_max = F/3 = 2100")
                && g.explanation().contains("0.0770") && g.explanation().contains("71 of 1000"), g.explanation());
    }

    @Test
    void familywiseErrorOfTenComparisons() {
        // notes: 1 - 0.95^10 ~ 0.401
        assertEquals(0.4012630607616213, SplitAdvisor.familywiseError(0.05, 10), 1e-12);
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> SplitAdvisor.amariFraction(0));
        assertTrue(e.getMessage().contains("amariFraction") && e.getMessage().contains("freeParameters=0"),
                e.getMessage());
        var a = assertThrows(IllegalArgumentException.class, () -> SplitAdvisor.guyonRatio(10, 100, 1.5));
        assertTrue(a.getMessage().contains("alpha=1.5"), a.getMessage());
    }
}
