package org.bitext.catalog;

/** The catalog cannot be opened or written: the message says why and what to do. */
public final class CatalogException extends Exception {
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }

    public CatalogException(String message) {
        super(message);
    }
}
