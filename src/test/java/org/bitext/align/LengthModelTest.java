package org.bitext.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LengthModelTest {
    private final LengthModel model = LengthModel.chineseEnglish();

    @Test
    void lengthsInTheRatioAreLikelyAndFarOnesAreNot() {
        assertEquals(1.0, model.match(50, 200), 0.01);
        assertTrue(model.match(50, 260) < model.match(50, 220));
        assertTrue(model.match(5, 1200) < 1e-6);
    }

    @Test
    void normalDistribution() {
        assertEquals(0.5, LengthModel.phi(0), 1e-6);
        assertEquals(0.975, LengthModel.phi(1.96), 1e-3);
    }
}
