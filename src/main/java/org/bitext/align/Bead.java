package org.bitext.align;

import java.util.List;

/**
 * One alignment group: units of the source side and units of the target side that translate each other
 * (indices into the aligned lists). One side may be empty: a unit with no counterpart.
 *
 * @param source indices of source-side units, ascending
 * @param target indices of target-side units, ascending
 * @param cert   the aligner's confidence in 0..1 (the bead's posterior probability given the lengths), or
 *               {@code NaN} when the alignment was not guessed
 *               (equal counts paired by position)
 */
public record Bead(List<Integer> source, List<Integer> target, double cert) {
    public Bead {
        source = List.copyOf(source);
        target = List.copyOf(target);
    }

    /** Whether the aligner guessed this bead (and {@link #cert()} holds its confidence). */
    public boolean guessed() {
        return !Double.isNaN(cert);
    }
}
