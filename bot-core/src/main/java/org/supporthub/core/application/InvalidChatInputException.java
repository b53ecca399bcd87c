package org.supporthub.core.application;

/** Chat input the hub refuses, with a stable code; nothing was stored. */
public class InvalidChatInputException extends RuntimeException {

    /** Stable error codes of the wire protocol that come from chat input. */
    public enum Code { INVALID_CLIENT_MSG_ID, TEXT_EMPTY, TEXT_TOO_LONG, UNKNOWN_COMMAND, INVALID_LOCALE, INVALID_SEQ, INVALID_EMAIL }

    private final Code code;

    public InvalidChatInputException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
