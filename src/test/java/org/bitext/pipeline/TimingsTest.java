package org.bitext.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** --timings: each stage's wall time and the CPU time of the thread in it. */
class TimingsTest {
    private static double[] figures(String printed, String stage) {
        Matcher m = Pattern.compile("  " + stage + " +\\d+ ms +([0-9.]+) ms/article  cpu ([0-9.]+|-) ms/article")
                .matcher(printed);
        assertTrue(m.find(), printed);
        return new double[] {Double.parseDouble(m.group(1)), m.group(2).equals("-") ? -1 : Double.parseDouble(m.group(2))};
    }

    @Test
    void aStageThatWaitsTakesWallTimeButNoCpuAndAStageThatWorksTakesBoth() throws Exception {
        Timings t = new Timings();
        long s = t.start();
        Thread.sleep(200);
        s = t.add("waiting", s);
        long spin = System.nanoTime() + 200_000_000L;
        double x = 0;
        while (System.nanoTime() < spin) {
            x += Math.sqrt(x + 1);
        }
        t.add("working", s);
        long w = System.nanoTime();
        Thread.sleep(50);
        t.addWall("elsewhere", w);
        StringWriter out = new StringWriter();
        t.print(new PrintWriter(out), 1);
        String printed = out.toString();
        assertTrue(x > 0);
        double[] waiting = figures(printed, "waiting");
        double[] working = figures(printed, "working");
        assertTrue(waiting[0] >= 200 && waiting[1] < 50, printed);
        assertTrue(working[0] >= 200 && working[1] > 100, printed); // at least half of it on the CPU
        assertTrue(figures(printed, "elsewhere")[1] == -1, printed);
        assertTrue(printed.indexOf("waiting") < printed.indexOf("working"), "in the order first met: " + printed);
    }
}
