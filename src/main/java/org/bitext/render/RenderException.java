package org.bitext.render;

/** A stylesheet failed on a document (a dynamic error), with Saxon's message. */
public final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
