package org.supporthub.routing.application;

/** A decision on a correction that its state refuses; nothing changed. */
public class TriageCorrectionConflictException extends RuntimeException {

    /** Stable codes, for the API. */
    public enum Code {
        /** A manager decided on it already. */
        ALREADY_DECIDED,
        /** The policy has no item with the corrected area and coverage, so there is nothing to learn it as. */
        NO_POLICY_ITEM
    }

    private final Code code;

    public TriageCorrectionConflictException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
