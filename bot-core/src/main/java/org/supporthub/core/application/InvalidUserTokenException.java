package org.supporthub.core.application;

/** Why a user token was refused; the reason is safe to show the client. */
public class InvalidUserTokenException extends RuntimeException {

    /** Stable reasons, used as the WebSocket close reason. */
    public enum Reason {
        TOKEN_MISSING, TOKEN_MALFORMED, TOKEN_ALGORITHM_REFUSED, TOKEN_UNKNOWN_PORTAL, TOKEN_SIGNATURE_INVALID,
        TOKEN_EXPIRED, TOKEN_LIFETIME_TOO_LONG, TOKEN_CLAIMS_INVALID
    }

    private final Reason reason;

    public InvalidUserTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
