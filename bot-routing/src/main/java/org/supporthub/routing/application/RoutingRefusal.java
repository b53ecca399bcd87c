package org.supporthub.routing.application;

/** An operator's or administrator's request that routing refuses, with a stable code; nothing changed. */
public class RoutingRefusal extends RuntimeException {

    /** Stable codes of the wire protocol (docs/protocol.md, sections 8 and 10). */
    public enum Code {
        UNKNOWN_SESSION, SESSION_TAKEN, NOT_OFFERED, AT_CAPACITY, NOT_YOURS, NOT_A_MEMBER,
        UNKNOWN_OPERATOR, UNKNOWN_CHANNEL, TARGET_UNAVAILABLE, INVALID_TRANSFER, SESSION_CLOSED,
        NO_SESSION, VOTE_NOT_OPEN, INVALID_VOTE, INVALID_LABEL, NO_CHANNEL
    }

    private final Code code;

    public RoutingRefusal(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
