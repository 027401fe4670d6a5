package org.bitext.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --width N} of the commands that render text: the line width, given to text.xsl as its {@code width}. */
final class WidthOption {
    @Option(names = "--width", paramLabel = "N", description = "text: wrap lines to N columns, East Asian wide "
            + "characters counting two; 0 = no wrapping (default: 80).")
    Integer width;

    /** Refuses a negative width as a usage error. */
    void check(CommandSpec spec) {
        if (width != null && width < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--width must be 0 (no wrapping) or a number of columns, not " + width);
        }
    }

    /** The stylesheet parameter, when the option was given. */
    Map<String, String> params() {
        return width == null ? Map.of() : Map.of("width", width.toString());
    }
}
