package org.bitext.read;

/**
 * A problem in an input article that the user must fix: where it is (file, line, column) and what was expected.
 * It is the reader's one documented failure; its message never needs a stack trace to be understood.
 */
public final class InputError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final String expected;

    public InputError(String file, int line, int column, String problem, String expected) {
        super(format(file, line, column, problem, expected));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.expected = expected;
    }

    private static String format(String file, int line, int column, String problem, String expected) {
        return file + ":" + line + ":" + column + ": error: " + problem + (expected == null ? "" : " — " + expected);
    }

    /** The file name as given by the caller. */
    public String file() { return file; }
    /** One-based line number, or 0 when the problem concerns the whole file. */
    public int line() { return line; }
    /** One-based column number, or 0 when unknown. */
    public int column() { return column; }
    /** What is wrong. */
    public String problem() { return problem; }
    /** What was expected and what to do; may be null. */
    public String expected() { return expected; }
}
