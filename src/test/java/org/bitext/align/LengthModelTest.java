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

    /**
     * The aligner's length cost takes a short cut for lengths far apart; it must give, to the last bit, what the
     * model's probability gives, for every ratio and variance the aligner and its cross-validation use.
     */
    @Test
    void theAlignersLengthCostIsMinusTheLogOfTheFlooredProbabilityExactly() {
        java.util.Random random = new java.util.Random(7);
        int shortCuts = 0;
        for (int round = 0; round < 400_000; round++) {
            double ratio = 2 + 6 * random.nextDouble();
            double variance = round % 3 == 0 ? 31.0 : 0.5 + 200 * random.nextDouble();
            LengthModel m = new LengthModel(ratio, variance);
            int ls = random.nextInt(round % 2 == 0 ? 60 : 3000);
            int lt = random.nextInt(round % 2 == 0 ? 400 : 12000);
            double expected = -Math.log(Math.max(m.match(ls, lt), 1e-12));
            double got = m.negLogMatch(ls, lt);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                    "ratio " + ratio + ", variance " + variance + ", lengths " + ls + " and " + lt);
            if (got == -Math.log(1e-12)) {
                shortCuts++;
            }
        }
        assertTrue(shortCuts > 1000, "far-apart lengths tried: " + shortCuts);
        // beyond the short cut's threshold the probability itself is under the floor, however far
        for (double z = 8; z < 1e6; z *= 1.01) {
            assertTrue(2 * (1 - LengthModel.phi(z)) < 1e-12, "z " + z);
        }
    }
}
