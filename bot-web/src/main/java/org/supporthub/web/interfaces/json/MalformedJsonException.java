package org.supporthub.web.interfaces.json;

/**
 * Client input that {@link BoundedJson} refused. The message is safe to show to the client: it names the
 * rule that was broken, never the parser's internals.
 */
public final class MalformedJsonException extends Exception {

    /** Which bound or rule the input broke. */
    public enum Reason {
        /** Not well-formed JSON: a syntax error, input that ends early, or content after the value. */
        MALFORMED,
        /** More bytes than allowed. */
        TOO_LARGE,
        /** Objects and arrays nested deeper than allowed. */
        TOO_DEEP,
        /** A number whose exponent is out of range (converting it could cost seconds and gigabytes). */
        NUMBER_OUT_OF_RANGE,
        /** No content at all. */
        EMPTY
    }

    private final Reason reason;

    MalformedJsonException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
