package org.bitext.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a batch runs on C1 alone (the choice itself, in a real process, is tested by the command line's tests). */
class JitTest {
    @Test
    void c1AloneOnlyWhenEveryCoreHasAWorkerAndTheBatchIsShort() {
        for (Jit.Work w : Jit.Work.values()) {
            long short_ = w.c2From() - 1;
            assertTrue(Jit.c1Only(w, short_, 2, 2), w.name());
            assertTrue(Jit.c1Only(w, 1, 4, 2), w.name());
            assertTrue(Jit.c1Only(w, 0, 1, 1), w.name());
            assertFalse(Jit.c1Only(w, w.c2From(), 2, 2), w.name() + ": long enough for C2 to pay");
            assertFalse(Jit.c1Only(w, short_, 1, 2), w.name() + ": C2 has a core of its own");
        }
    }

    @Test
    void nothingIsChosenInAProcessThatDidNotAllowIt() {
        assertNull(Jit.forBatch(Jit.Work.RUN, 10, 64));
        assertNull(Jit.chosen());
    }
}
